package com.infrakitchen.console.health.internal;

import com.infrakitchen.console.health.Attention;
import com.infrakitchen.console.health.HealthItem;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.diagnosis.CategoryCodes;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code /health}, over {@code integration} and {@code integration_check}: one query for every enabled
 * integration that needs attention (never one per integration), one for the newest check. Standard SQL (common
 * table expressions, {@code ROW_NUMBER}) that H2 and PostgreSQL both run.
 */
@Repository
public class HealthStore {

    /**
     * ranked: every stored result of an enabled integration, newest first (rn 1 is the newest). first_ok: the rank
     * of the newest result that did not fail. failing: for integrations whose newest result failed, the time of the
     * oldest result newer than first_ok (the start of the current unbroken run of failures).
     */
    private static final String ATTENTION = """
            WITH ranked AS (
                SELECT c.integration_id, c.checked_at, c.outcome, c.category, c.organization,
                       ROW_NUMBER() OVER (PARTITION BY c.integration_id ORDER BY c.checked_at DESC, c.id DESC) AS rn
                FROM integration_check c JOIN integration i ON i.id = c.integration_id
                WHERE i.enabled = TRUE
            ),
            first_ok AS (
                SELECT integration_id, MIN(rn) AS rn FROM ranked WHERE outcome <> 'FAILED' GROUP BY integration_id
            ),
            failing AS (
                SELECT r.integration_id, MIN(r.checked_at) AS since
                FROM ranked r LEFT JOIN first_ok o ON o.integration_id = r.integration_id
                WHERE r.outcome = 'FAILED' AND (o.rn IS NULL OR r.rn < o.rn)
                GROUP BY r.integration_id
            ),
            attention AS (
                SELECT i.id, i.name, i.name_key, i.token_expires_on, i.ssh_key_added_on, i.created_at,
                       l.checked_at, l.outcome, l.category, l.organization, f.since,
                       CASE WHEN i.token_expires_on IS NOT NULL AND i.token_expires_on <= :expiringBy
                              OR i.ssh_key_added_on IS NOT NULL AND i.ssh_key_added_on <= :sshAddedBy
                            THEN TRUE ELSE FALSE END AS expiring,
                       CASE WHEN l.checked_at IS NOT NULL AND l.checked_at < :staleBefore
                            THEN TRUE ELSE FALSE END AS stale
                FROM integration i
                LEFT JOIN ranked l ON l.integration_id = i.id AND l.rn = 1
                LEFT JOIN failing f ON f.integration_id = i.id
                WHERE i.enabled = TRUE
            )
            SELECT a.*,
                   CASE WHEN a.outcome = 'FAILED' THEN 0
                        WHEN a.outcome = 'WARNING' THEN 1
                        WHEN a.expiring THEN 2
                        WHEN a.checked_at IS NULL THEN 3
                        ELSE 4 END AS severity
            FROM attention a
            WHERE a.outcome IN ('FAILED', 'WARNING') OR a.expiring OR a.checked_at IS NULL OR a.stale
            ORDER BY severity, a.name_key""";

    private final JdbcClient jdbc;

    HealthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every enabled integration that needs attention, by severity then name: failing, warning, token or SSH key
     * expiring on or before {@code expiringBy}, never tested, last tested before {@code staleBefore}.
     */
    public List<HealthItem> needingAttention(LocalDate expiringBy, Instant staleBefore, LocalDate today) {
        return jdbc.sql(ATTENTION)
                .param("expiringBy", Date.valueOf(expiringBy))
                .param("sshAddedBy", Date.valueOf(CredentialExpiry.sshKeyAddedOnOrBefore(expiringBy)))
                .param("staleBefore", OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC))
                .query((rs, n) -> map(rs, n, today)).list();
    }

    /** When the newest stored test of an enabled integration ran, and how many integrations are enabled. */
    public Overview overview() {
        return jdbc.sql("""
                SELECT (SELECT MAX(c.checked_at) FROM integration_check c JOIN integration i
                            ON i.id = c.integration_id WHERE i.enabled = TRUE) AS newest,
                       (SELECT COUNT(*) FROM integration WHERE enabled = TRUE) AS enabled""")
                .query((rs, n) -> new Overview(instant(rs, "newest"), rs.getLong("enabled"))).single();
    }

    public record Overview(@Nullable Instant newestCheck, long enabled) {
    }

    /** How many enabled integrations' newest stored result failed (one index probe per integration). */
    public long failingCount() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM integration i
                WHERE i.enabled = TRUE AND (
                    SELECT c.outcome FROM integration_check c WHERE c.integration_id = i.id
                    ORDER BY c.checked_at DESC, c.id DESC LIMIT 1) = 'FAILED'""")
                .query(Long.class).single();
    }

    private static HealthItem map(ResultSet rs, int n, LocalDate today) throws SQLException {
        String outcome = rs.getString("outcome");
        String category = rs.getString("category");
        Date expires = rs.getDate("token_expires_on");
        Date keyAdded = rs.getDate("ssh_key_added_on");
        return new HealthItem(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Attention.values()[rs.getInt("severity")],
                outcome == null ? null : CheckOutcome.valueOf(outcome),
                category == null ? null : CategoryCodes.parse(category).headline(rs.getString("organization"), today),
                instant(rs, "checked_at"),
                instant(rs, "since"),
                expires == null ? null : expires.toLocalDate(),
                keyAdded == null ? null : CredentialExpiry.sshKeyExpiresOn(keyAdded.toLocalDate()),
                rs.getBoolean("expiring"),
                rs.getBoolean("stale"),
                instant(rs, "created_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
