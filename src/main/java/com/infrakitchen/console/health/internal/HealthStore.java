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
 * The SQL of {@code /health}, over {@code integration} and {@code integration_status} (each tested integration's
 * newest stored result and since when its outcome holds, docs/decisions/0015): one query for every enabled
 * integration that needs attention (never one per integration), one for the newest check. Standard SQL that H2 and
 * PostgreSQL both run.
 */
@Repository
public class HealthStore {

    /**
     * Every enabled integration with its stored status (none: never tested), kept when it needs attention. "Failing
     * since" is the status's since when the outcome is FAILED: the start of the current unbroken run of failures.
     */
    private static final String ATTENTION = """
            SELECT a.*,
                   CASE WHEN a.outcome = 'FAILED' THEN 0
                        WHEN a.outcome = 'WARNING' THEN 1
                        WHEN a.expiring THEN 2
                        WHEN a.checked_at IS NULL THEN 3
                        ELSE 4 END AS severity
            FROM (SELECT i.id, i.name, i.name_key, i.token_expires_on, i.ssh_key_added_on, i.created_at,
                         s.checked_at, s.outcome, s.category, s.organization,
                         CASE WHEN s.outcome = 'FAILED' THEN s.since END AS since,
                         CASE WHEN i.token_expires_on IS NOT NULL AND i.token_expires_on <= :expiringBy
                                OR i.ssh_key_added_on IS NOT NULL AND i.ssh_key_added_on <= :sshAddedBy
                              THEN TRUE ELSE FALSE END AS expiring,
                         CASE WHEN s.checked_at IS NOT NULL AND s.checked_at < :staleBefore
                              THEN TRUE ELSE FALSE END AS stale
                  FROM integration i
                  LEFT JOIN integration_status s ON s.integration_id = i.id
                  WHERE i.enabled = TRUE
                    AND (s.outcome IN ('FAILED', 'WARNING') OR i.token_expires_on <= :expiringBy
                         OR i.ssh_key_added_on <= :sshAddedBy
                         OR s.integration_id IS NULL OR s.checked_at < :staleBefore)) a
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

    /**
     * When the newest stored test of an enabled integration ran (ix_integration_status_checked_at from the newest,
     * until an enabled one), and how many integrations are enabled.
     */
    public Overview overview() {
        return jdbc.sql("""
                SELECT (SELECT s.checked_at FROM integration_status s
                        WHERE EXISTS (SELECT 1 FROM integration i WHERE i.id = s.integration_id AND i.enabled = TRUE)
                        ORDER BY s.checked_at DESC FETCH FIRST 1 ROWS ONLY) AS newest,
                       (SELECT COUNT(*) FROM integration WHERE enabled = TRUE) AS enabled""")
                .query((rs, n) -> new Overview(instant(rs, "newest"), rs.getLong("enabled"))).single();
    }

    public record Overview(@Nullable Instant newestCheck, long enabled) {
    }

    /** How many enabled integrations' newest stored result failed (the status table's outcome index). */
    public long failingCount() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM integration_status s JOIN integration i ON i.id = s.integration_id
                WHERE s.outcome = 'FAILED' AND i.enabled = TRUE""")
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
