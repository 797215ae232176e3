package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.diagnosis.OutdatedCheck;
import java.time.LocalDate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The grid's connection and expiry filters as SQL conditions, the same on H2 and PostgreSQL: the newest check (by
 * {@code checked_at}, then {@code id}, as the grid's row shows it), kept per integration in {@code
 * integration_status} (docs/decisions/0015), decides the connection status, an outdated one (OutdatedCheck)
 * counting as "outdated" whatever its outcome; "never tested" is no stored check at all (no status row).
 */
final class GridFilterSql {

    private GridFilterSql() {
    }

    /** Whether {@code alias}'s newest stored check has {@code status}: one primary-key probe of its status row. */
    static String connection(ConnectionStatus status, String alias, MapSqlParameterSource params) {
        if (status == ConnectionStatus.NEVER_TESTED) {
            return "NOT EXISTS (SELECT 1 FROM integration_status ns WHERE ns.integration_id = " + alias + ".id)";
        }
        String outdated = OutdatedCheck.sql("nk", alias);
        String test;
        if (status == ConnectionStatus.OUTDATED) {
            test = outdated + " IS TRUE";
        } else {
            test = "nk.outcome = :connectionOutcome AND " + outdated + " IS NOT TRUE";
            params.addValue("connectionOutcome", status.name());
        }
        return "EXISTS (SELECT 1 FROM integration_status nk WHERE nk.integration_id = " + alias + ".id AND " + test
                + ")";
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
