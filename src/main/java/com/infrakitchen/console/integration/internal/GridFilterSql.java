package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The grid's connection and expiry filters as SQL conditions, the same on H2 and PostgreSQL. The connection status
 * is {@code integration.connection} (V12, docs/decisions/0015's addendum): the newest stored check's outcome (by
 * {@code checked_at}, then {@code id}, as the grid's row shows it), "OUTDATED" when a value it tested changed since
 * (OutdatedCheck) whatever its outcome, null ("never tested") without one. {@link IntegrationQueries#refreshDerived}
 * keeps it.
 */
final class GridFilterSql {

    private GridFilterSql() {
    }

    /** Whether {@code alias}'s connection status is {@code status}: V12's copy on the row, ix_integration_connection. */
    static String connection(ConnectionStatus status, String alias, MapSqlParameterSource params) {
        if (status == ConnectionStatus.NEVER_TESTED) {
            return alias + ".connection IS NULL";
        }
        params.addValue("connection", status.name());
        return alias + ".connection = :connection";
    }

    /**
     * Whether {@code alias}'s token expires on or before {@code by}, or its SSH key (a year after the day it was
     * added, CredentialExpiry) does; expired included; no date: no.
     */
    static String expiringBy(LocalDate by, String alias, MapSqlParameterSource params) {
        params.addValue("expiringBy", by);
        params.addValue("sshKeyAddedBy", CredentialExpiry.sshKeyAddedOnOrBefore(by));
        return "(" + alias + ".token_expires_on <= :expiringBy OR " + alias + ".ssh_key_added_on <= :sshKeyAddedBy)";
    }
}
