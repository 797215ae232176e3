package com.infrakitchen.console.health.internal;

import com.infrakitchen.console.integration.diagnosis.OutdatedCheck;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the fleet's gauges (HealthMetrics): two aggregations over the enabled integrations, each one
 * statement whatever their number, the same on H2 and PostgreSQL. Nothing here is cached; the caller decides how
 * often to ask (at most once a minute).
 */
@Repository
public class FleetMetricsStore {

    /** The connection statuses, as tag values, in the grid's order. */
    public static final List<String> STATUSES = List.of("connected", "warning", "failed", "outdated", "never_tested");

    /** The expiry buckets, as tag values, soonest first. */
    public static final List<String> BUCKETS = List.of("expired", "1d", "7d", "14d", "later", "none");

    /**
     * The newest check of each enabled integration (by checked_at, then id, as the grid's row shows it: one probe of
     * ix_integration_check_latest per integration), then that row by its primary key; its status is "outdated" when a
     * value it tested changed since ({@link OutdatedCheck}, whatever its outcome), "never_tested" without one.
     */
    private static final String STATUS = """
            SELECT s.status, COUNT(*) AS n FROM (
                SELECT CASE WHEN k.id IS NULL THEN 'never_tested'
                            WHEN %s THEN 'outdated'
                            ELSE LOWER(k.outcome) END AS status
                FROM (SELECT i.organization, i.method, i.pat_set_at, i.ssh_set_at, i.sp_set_at, i.ssh_test_repository,
                             (SELECT c.id FROM integration_check c WHERE c.integration_id = i.id
                              ORDER BY c.checked_at DESC, c.id DESC FETCH FIRST 1 ROWS ONLY) AS newest_id
                      FROM integration i WHERE i.enabled = TRUE) n
                LEFT JOIN integration_check k ON k.id = n.newest_id
            ) s GROUP BY s.status""".formatted(OutdatedCheck.sql("k", "n"));

    /**
     * Each enabled integration in one bucket by its token expiry date against {@code today}: expired (before today),
     * 1d (today or tomorrow), 7d (within 7 days), 14d (within 14 days), later, none (no date).
     */
    private static final String EXPIRY = """
            SELECT s.bucket, COUNT(*) AS n FROM (
                SELECT CASE WHEN i.token_expires_on IS NULL THEN 'none'
                            WHEN i.token_expires_on < :today THEN 'expired'
                            WHEN i.token_expires_on <= :in1 THEN '1d'
                            WHEN i.token_expires_on <= :in7 THEN '7d'
                            WHEN i.token_expires_on <= :in14 THEN '14d'
                            ELSE 'later' END AS bucket
                FROM integration i WHERE i.enabled = TRUE
            ) s GROUP BY s.bucket""";

    private final JdbcClient jdbc;

    FleetMetricsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enabled integrations by the status of their newest check; every status present, 0 when none. */
    public Map<String, Long> byStatus() {
        return counts(STATUSES, jdbc.sql(STATUS).query((rs, n) -> Map.entry(rs.getString("status"),
                rs.getLong("n"))).list());
    }

    /** Enabled integrations by expiry bucket on {@code today}; every bucket present, 0 when none. */
    public Map<String, Long> byExpiry(LocalDate today) {
        return counts(BUCKETS, jdbc.sql(EXPIRY)
                .param("today", Date.valueOf(today))
                .param("in1", Date.valueOf(today.plusDays(1)))
                .param("in7", Date.valueOf(today.plusDays(7)))
                .param("in14", Date.valueOf(today.plusDays(14)))
                .query((rs, n) -> Map.entry(rs.getString("bucket"), rs.getLong("n"))).list());
    }

    private static Map<String, Long> counts(List<String> keys, List<Map.Entry<String, Long>> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        rows.forEach(r -> counts.merge(r.getKey(), r.getValue(), Long::sum));
        return counts;
    }
}
