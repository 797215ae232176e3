package com.infrakitchen.console.audit.internal;

import com.infrakitchen.console.audit.AuditEntry;
import com.infrakitchen.console.audit.AuditQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code audit_event}: append and filtered, paged reads (filters and paging in SQL, newest
 * first, using the indexes of V1). Insert-only by design.
 */
@Repository
public class AuditEventStore {

    private final NamedParameterJdbcTemplate jdbc;

    AuditEventStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Instant occurredAt, String actor, @Nullable String actorRole, @Nullable String sourceIp,
            @Nullable String sessionHash, String action, @Nullable String targetType, @Nullable String targetId,
            @Nullable String targetName, String outcome, @Nullable String details) {
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, actor_role, source_ip, session_hash, action,
                    target_type, target_id, target_name, outcome, details)
                VALUES (:occurredAt, :actor, :actorRole, :sourceIp, :sessionHash, :action,
                    :targetType, :targetId, :targetName, :outcome, :details)
                """, new MapSqlParameterSource()
                .addValue("occurredAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .addValue("actor", actor)
                .addValue("actorRole", actorRole)
                .addValue("sourceIp", sourceIp)
                .addValue("sessionHash", sessionHash)
                .addValue("action", action)
                .addValue("targetType", targetType)
                .addValue("targetId", targetId)
                .addValue("targetName", targetName)
                .addValue("outcome", outcome)
                .addValue("details", details));
    }

    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT id, occurred_at, actor, actor_role, source_ip, action, target_type, target_id,"
                + " target_name, outcome, details FROM audit_event" + where(query, params)
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset";
        params.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(sql, params, AuditEventStore::map);
    }

    public long count(AuditQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where(query, params), params, Long.class);
        return n == null ? 0 : n;
    }

    public List<AuditEntry> forTarget(String targetType, String targetId, int limit) {
        return jdbc.query("SELECT id, occurred_at, actor, actor_role, source_ip, action, target_type, target_id,"
                + " target_name, outcome, details FROM audit_event WHERE target_type = :type AND target_id = :id"
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit", new MapSqlParameterSource("type", targetType)
                .addValue("id", targetId).addValue("limit", limit), AuditEventStore::map);
    }

    public List<String> actors() {
        return jdbc.queryForList("SELECT DISTINCT actor FROM audit_event ORDER BY actor",
                new MapSqlParameterSource(), String.class);
    }

    private static String where(AuditQuery q, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        if (q.actor() != null) {
            parts.add("actor = :actor");
            params.addValue("actor", q.actor());
        }
        if (q.action() != null) {
            parts.add("action = :action");
            params.addValue("action", q.action().name());
        }
        if (q.from() != null) {
            parts.add("occurred_at >= :from");
            params.addValue("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            parts.add("occurred_at < :to");
            params.addValue("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("source_ip"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name"),
                rs.getString("outcome"), rs.getString("details"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
        if (odt != null) {
            return odt.toInstant();
        }
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
