package com.infrakitchen.console.integration.check.internal;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.ConnectionState;
import com.infrakitchen.console.integration.check.StatusChange;
import com.infrakitchen.console.integration.diagnosis.CategoryCodes;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.integration.internal.IntegrationQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code integration_status} and {@code integration_status_change} (V10, docs/decisions/0015): each integration's
 * newest stored result with the time its outcome began, and each change of outcome. Written only by
 * {@link CheckRecordStore#insert}, in its transaction and after it locked the integration's row, so two instances
 * storing results for one integration take turns. Each result it takes also refreshes V12's copies (the
 * integration's connection status on its row, its enabled flag on the status row).
 */
@Repository
public class ConnectionStatusStore {

    private final JdbcClient jdbc;
    private final CategoryCodes codes;
    private final IntegrationQueries integrations;

    ConnectionStatusStore(JdbcClient jdbc, CategoryCodes codes, IntegrationQueries integrations) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.integrations = integrations;
    }

    /**
     * Takes a stored result into account; the caller holds the integration's row lock. A result older than the
     * newest one taken (by checked_at, then id, as the grid orders them; one that arrived late) changes nothing.
     * The same outcome as before keeps "since" and records no change; another outcome starts a new run and
     * records a change from the old one, the first result a change from none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(CheckRecord r) {
        OffsetDateTime at = ts(r.checkedAt());
        String outcome = r.outcome().name();
        String category = codes.code(r.category());
        Optional<Current> current = jdbc.sql("""
                SELECT outcome, CASE WHEN checked_at < :at OR (checked_at = :at AND check_id < :checkId)
                                     THEN TRUE ELSE FALSE END AS older
                FROM integration_status WHERE integration_id = :id""")
                .param("at", at).param("checkId", r.id()).param("id", r.integrationId())
                .query((rs, n) -> new Current(rs.getString("outcome"), rs.getBoolean("older"))).optional();
        if (current.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO integration_status (integration_id, check_id, checked_at, outcome, category,
                        organization, token_set_at, test_repository, since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.integrationId(), r.id(), at, outcome, category, r.organization(), ts(r.tokenSetAt()),
                            r.testRepository(), at)
                    .update();
            change(r, null, category);
            integrations.refreshDerived(r.integrationId());
            return;
        }
        if (!current.get().older()) {
            return;
        }
        boolean changed = !current.get().outcome().equals(outcome);
        jdbc.sql("UPDATE integration_status SET check_id = :checkId, checked_at = :at, outcome = :outcome,"
                        + " category = :category, organization = :organization, token_set_at = :tokenSetAt,"
                        + " test_repository = :testRepository" + (changed ? ", since = :at" : "")
                        + " WHERE integration_id = :id")
                .param("checkId", r.id()).param("at", at).param("outcome", outcome).param("category", category)
                .param("organization", r.organization()).param("tokenSetAt", ts(r.tokenSetAt()))
                .param("testRepository", r.testRepository()).param("id", r.integrationId())
                .update();
        if (changed) {
            change(r, current.get().outcome(), category);
        }
        integrations.refreshDerived(r.integrationId());
    }

    private void change(CheckRecord r, @Nullable String from, String category) {
        jdbc.sql("""
                INSERT INTO integration_status_change (integration_id, check_id, changed_at, from_outcome, to_outcome,
                    category, trigger_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.integrationId(), r.id(), ts(r.checkedAt()), from, r.outcome().name(), category,
                        r.trigger().name())
                .update();
    }

    /** The integration's stored connection status, empty when it has no stored result. */
    @Transactional(readOnly = true)
    public Optional<ConnectionState> current(UUID integrationId) {
        return jdbc.sql("SELECT outcome, checked_at, since FROM integration_status WHERE integration_id = ?")
                .param(integrationId)
                .query((rs, n) -> new ConnectionState(CheckOutcome.valueOf(rs.getString("outcome")),
                        instant(rs, "checked_at"), instant(rs, "since")))
                .optional();
    }

    /** The integration's newest {@code limit} changes of outcome, newest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> changes(UUID integrationId, int limit) {
        return jdbc.sql("SELECT * FROM integration_status_change WHERE integration_id = ?"
                        + " ORDER BY changed_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000))
                        + " ROWS ONLY")
                .param(integrationId)
                .query((rs, n) -> {
                    String from = rs.getString("from_outcome");
                    return new StatusChange(instant(rs, "changed_at"), from == null ? null : CheckOutcome.valueOf(from),
                            CheckOutcome.valueOf(rs.getString("to_outcome")),
                            CategoryCodes.parse(rs.getString("category")),
                            CheckTrigger.valueOf(rs.getString("trigger_kind")));
                })
                .list();
    }

    private record Current(String outcome, boolean older) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
