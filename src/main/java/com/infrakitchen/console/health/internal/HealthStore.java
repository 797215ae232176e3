package com.infrakitchen.console.health.internal;

import com.infrakitchen.console.health.Attention;
import com.infrakitchen.console.health.HealthCounts;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code /health}, over {@code integration} and {@code integration_status} (each tested integration's
 * newest stored result and since when its outcome holds, docs/decisions/0015). Every statement reads index ranges
 * of the states it counts or lists, never every enabled integration: at 100,000 integrations with a fifth of them
 * needing attention it stays within milliseconds (docs/benchmarks/health.md). That is what the two copies of V12
 * are for: {@code integration_status.enabled} (so the failing, warning and stale sets leave out disabled
 * integrations from their own index) and {@code integration.connection} (null: never tested). Standard SQL that H2
 * and PostgreSQL both run.
 */
@Repository
public class HealthStore {

    /** A token or SSH key that expires on or before the limit (expired included). */
    private static final String EXPIRING = "(i.token_expires_on <= :expiringBy OR i.ssh_key_added_on <= :sshAddedBy)";
    private static final String NOT_EXPIRING = "(i.token_expires_on IS NULL OR i.token_expires_on > :expiringBy)"
            + " AND (i.ssh_key_added_on IS NULL OR i.ssh_key_added_on > :sshAddedBy)";

    /**
     * The integrations whose token or SSH key expires by the limit, as two ranges that do not overlap, each read from
     * its expiry index: the tokens expiring, and the SSH keys expiring of integrations whose token is not. (A
     * disjunction of the two, or the union of the two ranges' ids under IN, made H2 read every enabled row or probe the
     * union per row: 30 s at 100,000 integrations.)
     */
    private static final String TOKEN_RANGE = "x.token_expires_on <= :expiringBy";
    private static final String SSH_RANGE = "x.ssh_key_added_on <= :sshAddedBy"
            + " AND (x.token_expires_on IS NULL OR x.token_expires_on > :expiringBy)";

    /** When the token expires, else the SSH key (a year after the day it was added, CredentialExpiry). */
    private static final String EXPIRES_ON = "COALESCE(i.token_expires_on, i.ssh_key_added_on + INTERVAL '1' YEAR)";

    /**
     * The stored outcome of integration {@code x}, as a scalar subquery: a primary-key probe per row that needs it,
     * which the planners cannot turn into a hash over every status row (as they do with a join or EXISTS).
     */
    private static final String OUTCOME_OF_X =
            "(SELECT p.outcome FROM integration_status p WHERE p.integration_id = x.id)";

    /** What a row shows; the flags say which other states it is in besides its worst. */
    private static final String COLUMNS = "SELECT i.id, i.name, i.name_key, i.token_expires_on, i.ssh_key_added_on, i.created_at,"
            + " i.method, i.sp_proof,"
            + " s.checked_at, s.outcome, s.category, s.organization,"
            + " CASE WHEN s.outcome = 'FAILED' THEN s.since END AS since,"
            + " CASE WHEN " + EXPIRING + " THEN TRUE ELSE FALSE END AS expiring,"
            + " CASE WHEN s.checked_at < :staleBefore THEN TRUE ELSE FALSE END AS stale";

    /**
     * The rows of each state, worst state first, each integration in its worst state only (a failing integration
     * with an expiring token is failing), in the order /health lists them: the longest failing first, the oldest
     * warning, the soonest expiry, never tested by name, the oldest check; then by name. Where the order's time is
     * on the status row, the statement walks a status index in that order and stops after the rows wanted and those
     * tied with the last ({@code WITH TIES}); {@link #worst} then orders the ties by name. (Ordering by the name too
     * in SQL would make H2 read and sort every row of the state.)
     */
    private static final List<Rows> ROWS_BY_ATTENTION = List.of(
            new Rows(" FROM integration_status s JOIN integration i ON i.id = s.integration_id"
                    + " WHERE s.outcome = 'FAILED' AND s.enabled = TRUE ORDER BY s.outcome, s.enabled, s.since", true),
            new Rows(" FROM integration_status s JOIN integration i ON i.id = s.integration_id"
                    + " WHERE s.outcome = 'WARNING' AND s.enabled = TRUE ORDER BY s.outcome, s.enabled, s.checked_at",
                    true),
            // newest result a pass or none: the row's connection says so, the status is probed only when outdated;
            // the first rows of each expiry range in its index's order, then the two merged, then their status
            new Rows(" FROM (" + expiringPassedFirst(TOKEN_RANGE, "x.token_expires_on") + " UNION ALL "
                    + expiringPassedFirst(SSH_RANGE, "x.ssh_key_added_on") + ") i"
                    + " LEFT JOIN integration_status s ON s.integration_id = i.id"
                    + " ORDER BY " + EXPIRES_ON + ", i.name_key, i.id FETCH FIRST :limit ROWS ONLY", false),
            // ix_integration_connection's null range, in name order
            new Rows(" FROM integration i LEFT JOIN integration_status s ON s.integration_id = i.id"
                    + " WHERE i.connection IS NULL AND i.enabled = TRUE AND " + NOT_EXPIRING
                    + " ORDER BY i.connection, i.name_key, i.id FETCH FIRST :limit ROWS ONLY", false),
            new Rows(" FROM integration_status s JOIN integration i ON i.id = s.integration_id"
                    + " WHERE s.outcome = 'CONNECTED' AND s.enabled = TRUE AND s.checked_at < :staleBefore"
                    + " AND " + NOT_EXPIRING + " ORDER BY s.outcome, s.enabled, s.checked_at", true));

    /** One state's statement; {@code ties}: ordered by a time alone, fetched with its ties, ordered here by name. */
    private record Rows(String sql, boolean ties) {
    }

    /**
     * Each state on its own, and what it takes to know how many integrations need attention at all. The failing,
     * warning, stale-and-passed and never-tested sets do not overlap; an expiring integration adds to them only when
     * its newest result is a recent pass: the expiring ones that passed ({@link #EXPIRING_COUNTS}), less those of
     * them that are stale. Each is an index range read alone.
     */
    private static final String COUNTS = "SELECT"
            + " (SELECT COUNT(*) FROM integration_status s WHERE s.outcome = 'FAILED' AND s.enabled = TRUE) AS failing,"
            + " (SELECT COUNT(*) FROM integration_status s WHERE s.outcome = 'WARNING' AND s.enabled = TRUE) AS warning,"
            + " (SELECT COUNT(*) FROM integration i WHERE i.connection IS NULL AND i.enabled = TRUE) AS never_tested,"
            + " (SELECT COUNT(*) FROM integration_status s WHERE s.enabled = TRUE AND s.checked_at < :staleBefore)"
            + " AS stale,"
            + " (SELECT COUNT(*) FROM integration_status s WHERE s.enabled = TRUE AND s.checked_at < :staleBefore"
            + " AND s.outcome = 'CONNECTED') AS stale_passed,"
            // V14's copies of the expiry on the status row: the stale range alone, no integration row read
            + " (SELECT COUNT(*) FROM integration_status s WHERE s.outcome = 'CONNECTED' AND s.enabled = TRUE"
            + " AND s.checked_at < :staleBefore AND (s.token_expires_on <= :expiringBy"
            + " OR s.ssh_key_added_on <= :sshAddedBy)) AS stale_passed_expiring";

    /** Whether integration {@code x}'s newest result passed: its connection says so, an outdated one's status is probed. */
    private static final String PASSED_X = "(x.connection = 'CONNECTED' OR (x.connection = 'OUTDATED' AND "
            + OUTCOME_OF_X + " = 'CONNECTED'))";

    /**
     * The expiring ones, and among them those whose newest result passed: each expiry range read once from V14's
     * index, which starts with the enabled flag (H2 preferred ix_integration_enabled, 90,000 entries, to a range on
     * the expiry alone) and holds the connection, so that only an outdated one's status is probed. (Probing every
     * passed one's status for its time cost H2 40 ms at 100,000 integrations; the stale ones among them are counted
     * from the status side instead, stale_passed_expiring.)
     */
    private static final String EXPIRING_COUNTS = "SELECT t.expiring + k.expiring AS expiring,"
            + " t.passed + k.passed AS expiring_passed FROM"
            + " (SELECT COUNT(*) AS expiring, COUNT(CASE WHEN " + PASSED_X + " THEN 1 END) AS passed"
            + " FROM integration x WHERE x.enabled = TRUE AND " + TOKEN_RANGE + ") t,"
            + " (SELECT COUNT(*) AS expiring, COUNT(CASE WHEN " + PASSED_X + " THEN 1 END) AS passed"
            + " FROM integration x WHERE x.enabled = TRUE AND " + SSH_RANGE + ") k";

    /**
     * The first {@code :limit} enabled integrations of one expiry range whose newest result passed or that were never
     * tested, in the order of the range's index.
     */
    private static String expiringPassedFirst(String range, String indexOrder) {
        return "(SELECT x.id, x.name, x.name_key, x.token_expires_on, x.ssh_key_added_on, x.created_at, x.method,"
                + " x.sp_proof"
                + " FROM integration x WHERE " + range + " AND x.enabled = TRUE"
                + " AND (x.connection IS NULL OR " + PASSED_X + ")"
                + " ORDER BY " + indexOrder + ", x.name_key, x.id FETCH FIRST :limit ROWS ONLY)";
    }

    private final JdbcClient jdbc;

    HealthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many enabled integrations are in each state, and in any. */
    public Counted counts(LocalDate expiringBy, Instant staleBefore) {
        Date by = Date.valueOf(expiringBy);
        Date sshBy = Date.valueOf(CredentialExpiry.sshKeyAddedOnOrBefore(expiringBy));
        OffsetDateTime stale = OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC);
        long[] expiring = jdbc.sql(EXPIRING_COUNTS).param("expiringBy", by).param("sshAddedBy", sshBy)
                .query((rs, n) -> new long[] {rs.getLong("expiring"), rs.getLong("expiring_passed")}).single();
        return jdbc.sql(COUNTS).param("staleBefore", stale).param("expiringBy", by).param("sshAddedBy", sshBy)
                .query((rs, n) -> {
                    HealthCounts counts = new HealthCounts(rs.getLong("failing"), rs.getLong("warning"),
                            expiring[0], rs.getLong("never_tested"), rs.getLong("stale"));
                    long expiringRecentPass = expiring[1] - rs.getLong("stale_passed_expiring");
                    return new Counted(counts, counts.failing() + counts.warning() + rs.getLong("stale_passed")
                            + counts.neverTested() + expiringRecentPass);
                }).single();
    }

    /**
     * @param counts how many integrations are in each state
     * @param total  how many need attention (an integration in several states counts once)
     */
    public record Counted(HealthCounts counts, long total) {
    }

    /**
     * The {@code limit} enabled integrations that need attention most, worst first: failing, warning, token or SSH
     * key expiring on or before {@code expiringBy}, never tested, last tested before {@code staleBefore}. One
     * statement per state until the limit is reached, each reading no further than it needs.
     */
    public List<HealthItem> worst(int limit, LocalDate expiringBy, Instant staleBefore, LocalDate today) {
        List<HealthItem> out = new ArrayList<>(Math.min(limit, 128));
        for (int severity = 0; severity < ROWS_BY_ATTENTION.size() && out.size() < limit; severity++) {
            Attention attention = Attention.values()[severity];
            Rows rows = ROWS_BY_ATTENTION.get(severity);
            int wanted = limit - out.size();
            List<Ranked> found = jdbc.sql(COLUMNS + rows.sql() + (rows.ties() ? " FETCH FIRST :limit ROWS WITH TIES"
                            : ""))
                    .param("expiringBy", Date.valueOf(expiringBy))
                    .param("sshAddedBy", Date.valueOf(CredentialExpiry.sshKeyAddedOnOrBefore(expiringBy)))
                    .param("staleBefore", OffsetDateTime.ofInstant(staleBefore, ZoneOffset.UTC))
                    .param("limit", wanted)
                    .query((rs, n) -> new Ranked(map(rs, attention, today), rs.getString("name_key"))).list();
            if (rows.ties()) {
                found = found.stream().sorted(Comparator.comparing((Ranked r) -> orderedBy(r.item()))
                        .thenComparing(Ranked::nameKey)).limit(wanted).toList();
            }
            found.forEach(r -> out.add(r.item()));
        }
        return out;
    }

    private record Ranked(HealthItem item, String nameKey) {
    }

    /** The time a state of the ties kind is ordered by: since when failing, else the newest test. */
    private static Instant orderedBy(HealthItem i) {
        return i.attention() == Attention.FAILING ? i.failingSince() : i.lastChecked();
    }

    /**
     * When the newest stored test of an enabled integration ran (ix_integration_status_checked_at from the newest),
     * and whether any integration is enabled (the first entry of ix_integration_enabled's range: counting them all
     * read 90,000 index entries, 10 ms on PostgreSQL, for the one thing /health says with it, "none is enabled").
     */
    public Overview overview() {
        return jdbc.sql("""
                SELECT (SELECT s.checked_at FROM integration_status s WHERE s.enabled = TRUE
                        ORDER BY s.enabled, s.checked_at DESC FETCH FIRST 1 ROWS ONLY) AS newest,
                       CASE WHEN EXISTS (SELECT 1 FROM integration WHERE enabled = TRUE) THEN TRUE ELSE FALSE END
                           AS any_enabled""")
                .query((rs, n) -> new Overview(instant(rs, "newest"), rs.getBoolean("any_enabled"))).single();
    }

    public record Overview(@Nullable Instant newestCheck, boolean anyEnabled) {
    }

    /** How many enabled integrations' newest stored result failed (a range of the status table's outcome index). */
    public long failingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM integration_status s WHERE s.outcome = 'FAILED' AND s.enabled = TRUE")
                .query(Long.class).single();
    }

    private static HealthItem map(ResultSet rs, Attention attention, LocalDate today) throws SQLException {
        String outcome = rs.getString("outcome");
        String category = rs.getString("category");
        Date expires = rs.getDate("token_expires_on");
        Date keyAdded = rs.getDate("ssh_key_added_on");
        return new HealthItem(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                attention,
                outcome == null ? null : CheckOutcome.valueOf(outcome),
                category == null ? null : CategoryCodes.parse(category).headline(rs.getString("organization"), today),
                instant(rs, "checked_at"),
                instant(rs, "since"),
                expires == null ? null : expires.toLocalDate(),
                keyAdded == null ? null : CredentialExpiry.sshKeyExpiresOn(keyAdded.toLocalDate()),
                rs.getBoolean("expiring"),
                rs.getBoolean("stale"),
                instant(rs, "created_at"),
                credentialName(rs.getString("method"), rs.getString("sp_proof")));
    }

    /** What expires, as a sentence starts. */
    private static String credentialName(@Nullable String method, @Nullable String proof) {
        if ("SSH".equals(method)) {
            return "SSH key";
        }
        if ("SERVICE_PRINCIPAL".equals(method)) {
            return "CERTIFICATE".equals(proof) ? "Certificate" : "Client secret";
        }
        return "Token";
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
