package com.infrakitchen.console.integration.check.internal;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckSample;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.ConnectionState;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.LatestCheck;
import com.infrakitchen.console.integration.check.StatusChange;
import com.infrakitchen.console.integration.diagnosis.CategoryCodes;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.integration.diagnosis.OutdatedCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code integration_check}: stored test results. The steps and the deciding exchange are kept as JSON
 * (they are shown, never queried). Only the newest {@value #KEEP} results per integration are kept.
 */
@Repository
public class CheckRecordStore {

    static final int KEEP = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CategoryCodes codes;
    private final ConnectionStatusStore status;

    CheckRecordStore(JdbcClient jdbc, CategoryCodes codes, ConnectionStatusStore status) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.status = status;
    }

    record Report(List<CheckStep> steps, @Nullable HttpDetails decisive) {
    }

    /**
     * Stores a result unless the integration was deleted meanwhile (then nothing happens and false is
     * returned), drops results beyond the newest {@value #KEEP}, and updates the stored connection status and its
     * changes (ConnectionStatusStore) in the same transaction. The integration's row is locked first, so results
     * stored at once for one integration (two instances, or a person and the scheduler) take turns.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean insert(CheckRecord r) {
        if (jdbc.sql("SELECT id FROM integration WHERE id = ? FOR UPDATE").param(r.integrationId()).query(UUID.class)
                .optional().isEmpty()) {
            return false;
        }
        String report = JSON.writeValueAsString(new Report(r.steps(), r.decisive()));
        jdbc.sql("""
                INSERT INTO integration_check (id, integration_id, checked_at, trigger_kind, actor, outcome, category,
                    duration_ms, organization, token_set_at, test_repository, identity_name, project_count,
                    repository_count, report)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.integrationId(), ts(r.checkedAt()), r.trigger().name(), r.actor(),
                        r.outcome().name(), codes.code(r.category()), r.durationMillis(), r.organization(),
                        ts(r.tokenSetAt()), r.testRepository(), clip(r.identity(), 200), r.projectCount(), r.repositoryCount(), report)
                .update();
        List<UUID> old = jdbc.sql("SELECT id FROM integration_check WHERE integration_id = ?"
                        + " ORDER BY checked_at DESC, id DESC OFFSET " + KEEP + " ROWS")
                .param(r.integrationId()).query(UUID.class).list();
        for (UUID id : old) {
            jdbc.sql("DELETE FROM integration_check WHERE id = ?").param(id).update();
        }
        status.record(r);
        return true;
    }

    /**
     * The newest result of each of these integrations that has one, and whether the integration changed a
     * value it tested since (organization, or the token's set-at time).
     */
    @Transactional(readOnly = true)
    public Map<UUID, LatestCheck> latest(Collection<UUID> integrationIds) {
        Map<UUID, LatestCheck> latest = new HashMap<>();
        if (integrationIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("SELECT c.*, " + OutdatedCheck.sql("c", "i") + " AS outdated\n" + """
                FROM integration_check c JOIN integration i ON i.id = c.integration_id
                WHERE c.integration_id IN (:ids)
                  AND c.id = (SELECT c2.id FROM integration_check c2 WHERE c2.integration_id = c.integration_id
                              ORDER BY c2.checked_at DESC, c2.id DESC FETCH FIRST 1 ROWS ONLY)""")
                .param("ids", new ArrayList<>(integrationIds))
                .query((rs, n) -> new LatestCheck(map(rs, n), rs.getBoolean("outdated")))
                .list().forEach(l -> latest.put(l.record().integrationId(), l));
        return latest;
    }

    @Transactional(readOnly = true)
    public List<CheckRecord> history(UUID integrationId, int limit) {
        return jdbc.sql("SELECT * FROM integration_check WHERE integration_id = ?"
                        + " ORDER BY checked_at DESC, id DESC FETCH FIRST " + Math.max(1, Math.min(limit, KEEP))
                        + " ROWS ONLY")
                .param(integrationId).query(CheckRecordStore::map).list();
    }

    /**
     * One page of an integration's stored results, newest first, only those with {@code outcome} when it is given:
     * {@code limit} (1 to {@value #KEEP}) results from {@code offset}.
     */
    @Transactional(readOnly = true)
    public List<CheckRecord> page(UUID integrationId, @Nullable CheckOutcome outcome, int offset, int limit) {
        return jdbc.sql("SELECT * FROM integration_check WHERE integration_id = :id" + outcomeFilter(outcome)
                        + " ORDER BY checked_at DESC, id DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT "
                        + Math.max(1, Math.min(limit, KEEP)) + " ROWS ONLY")
                .params(filter(integrationId, outcome)).query(CheckRecordStore::map).list();
    }

    /** How many stored results the integration has, only those with {@code outcome} when it is given. */
    @Transactional(readOnly = true)
    public long count(UUID integrationId, @Nullable CheckOutcome outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM integration_check WHERE integration_id = :id" + outcomeFilter(outcome))
                .params(filter(integrationId, outcome)).query(Long.class).single();
    }

    /** When, how and how fast each stored test since {@code since} ended, oldest first (the report is not read). */
    @Transactional(readOnly = true)
    public List<CheckSample> samplesSince(UUID integrationId, Instant since) {
        return jdbc.sql("""
                SELECT checked_at, outcome, duration_ms FROM integration_check
                WHERE integration_id = ? AND checked_at >= ? ORDER BY checked_at, id""")
                .params(integrationId, ts(since))
                .query((rs, n) -> new CheckSample(instant(rs, "checked_at"), CheckOutcome.valueOf(rs.getString(
                        "outcome")), rs.getLong("duration_ms")))
                .list();
    }

    /** The stored connection status (ConnectionStatusStore). */
    public Optional<ConnectionState> connectionState(UUID integrationId) {
        return status.current(integrationId);
    }

    /** The newest changes of connection outcome (ConnectionStatusStore). */
    public List<StatusChange> statusChanges(UUID integrationId, int limit) {
        return status.changes(integrationId, limit);
    }

    private static String outcomeFilter(@Nullable CheckOutcome outcome) {
        return outcome == null ? "" : " AND outcome = :outcome";
    }

    private static Map<String, Object> filter(UUID integrationId, @Nullable CheckOutcome outcome) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", integrationId);
        if (outcome != null) {
            params.put("outcome", outcome.name());
        }
        return params;
    }

    private static CheckRecord map(ResultSet rs, int row) throws SQLException {
        Report report = JSON.readValue(rs.getString("report"), Report.class);
        return new CheckRecord(rs.getObject("id", UUID.class), rs.getObject("integration_id", UUID.class),
                instant(rs, "checked_at"), CheckTrigger.valueOf(rs.getString("trigger_kind")), rs.getString("actor"),
                CategoryCodes.parse(rs.getString("category")), rs.getLong("duration_ms"),
                rs.getString("organization"), instant(rs, "token_set_at"), rs.getString("test_repository"),
                rs.getString("identity_name"),
                (Integer) rs.getObject("project_count"), (Integer) rs.getObject("repository_count"),
                report.steps(), report.decisive());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
