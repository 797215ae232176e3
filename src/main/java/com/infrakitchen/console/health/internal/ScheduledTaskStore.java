package com.infrakitchen.console.health.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the health feature reads of db-scheduler's {@code scheduled_tasks} table (V9) and of the integrations it
 * schedules: whether a re-check is running anywhere in the cluster (a picked row), which enabled integrations have
 * no re-check scheduled yet, when the newest scheduled re-check succeeded. db-scheduler alone writes the table.
 */
@Repository
public class ScheduledTaskStore {

    private final JdbcClient jdbc;

    ScheduledTaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the integration's re-check is picked (running) by some instance now. */
    public boolean picked(UUID integrationId) {
        return jdbc.sql("SELECT picked FROM scheduled_tasks WHERE task_name = :task AND task_instance = :id")
                .param("task", RecheckTask.NAME).param("id", integrationId.toString())
                .query(Boolean.class).optional().orElse(false);
    }

    /** Whether the integration exists and is enabled. */
    public boolean enabled(UUID integrationId) {
        return jdbc.sql("SELECT enabled FROM integration WHERE id = :id").param("id", integrationId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Up to {@code limit} enabled integrations that have no re-check in the table, oldest first. */
    public List<UUID> enabledWithoutRecheck(int limit) {
        return jdbc.sql("""
                SELECT i.id FROM integration i
                WHERE i.enabled = TRUE AND NOT EXISTS (
                    SELECT 1 FROM scheduled_tasks t
                    WHERE t.task_name = :task AND t.task_instance = CAST(i.id AS VARCHAR(100)))
                ORDER BY i.created_at, i.id
                LIMIT :limit""")
                .param("task", RecheckTask.NAME).param("limit", limit)
                .query(UUID.class).list();
    }

    /** When the newest scheduled re-check of any integration completed, if one ever did. */
    public Optional<Instant> lastSuccess() {
        return jdbc.sql("SELECT MAX(last_success) AS newest FROM scheduled_tasks WHERE task_name = :task")
                .param("task", RecheckTask.NAME)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("newest", OffsetDateTime.class)))
                .single().map(OffsetDateTime::toInstant);
    }

    /** How many re-checks are scheduled (one per enabled integration once the planner has caught up). */
    public long scheduledCount() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :task")
                .param("task", RecheckTask.NAME).query(Long.class).single();
    }
}
