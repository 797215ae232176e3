package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary.LastCheck;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.diagnosis.CategoryCodes;
import com.infrakitchen.console.integration.diagnosis.OutdatedCheck;
import com.infrakitchen.console.integration.internal.GridSql.LabelPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The grid's SQL: one query per page that returns its rows with their labels and newest check (filters,
 * sorting and paging in the database), and one for the count. Nothing loads a whole table.
 *
 * <p>The parts that differ per engine (the search test, the label filter, how the newest check is joined) are
 * in {@link GridSql}, one class per engine chosen once from the data source; see docs/benchmarks/grid.md for
 * why each engine needs its shape. Everything here is the same SQL on both, and so are the results ({@code
 * GridQueriesIT} checks them on both engines).
 */
@Repository
public class IntegrationQueries {

    /** The page's columns: the row, its sort keys, and what decides whether its newest check is outdated. */
    private static final String COLUMNS = "i.id, i.name, i.name_key, i.description, i.method, i.organization,"
            + " i.enabled, i.token_expires_on, i.ssh_key_added_on, i.pat_key_id, i.pat_set_at, i.ssh_set_at, i.sp_set_at, i.ssh_test_repository,"
            + " i.updated_at, i.updated_by, i.version";

    private final NamedParameterJdbcTemplate jdbc;
    private final GridSql engine;

    IntegrationQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.engine = GridSql.of(dataSource, jdbc);
    }

    /**
     * One page in one query: the page's rows are chosen first (as {@code p}), then only those get their labels
     * (an array, by name) and their newest check, and are put in the grid's order again.
     */
    public List<IntegrationSummary> find(IntegrationFilter filter, IntegrationSort sort, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        LabelPlan labels = engine.labels(filter, true);
        if (labels.none()) {
            return List.of();
        }
        String page;
        if (filter.search() != null && sort.field() == IntegrationSort.Field.NAME) {
            // Search by name: the page's name keys come from ix_integration_name_search alone (name order, text
            // alongside), so a rare term scans a narrow index, not every row in name order; then only the
            // page's rows are read. search_text in the ORDER BY changes nothing (name_key is unique) but makes
            // H2 take that index rather than uq_integration_name_key's.
            String dir = sort.ascending() ? " ASC" : " DESC";
            page = "SELECT " + COLUMNS + " FROM integration i WHERE i.name_key IN (SELECT s.name_key FROM "
                    + engine.from(labels, "s", params) + where(filter, labels, "s", params) + " ORDER BY s.name_key"
                    + dir + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)";
        } else if (filter.search() != null && sort.field() == IntegrationSort.Field.UPDATED) {
            // The same by update time, from ix_integration_updated_search ((updated_at, id) is unique).
            String dir = sort.ascending() ? " ASC" : " DESC";
            page = "SELECT " + COLUMNS + " FROM integration i WHERE i.id IN (SELECT s.id FROM "
                    + engine.from(labels, "s", params) + where(filter, labels, "s", params) + " ORDER BY s.updated_at"
                    + dir + ", s.id" + dir + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)";
        } else {
            // One connection status by name: ix_integration_connection in its order. The constant first key changes
            // nothing but lets H2 see that the index gives the order (without it H2 sorted all 79,000 "Connected").
            String byConnection = filter.connection() != null && sort.field() == IntegrationSort.Field.NAME
                    ? "i.connection, " : "";
            page = "SELECT " + COLUMNS + " FROM " + engine.from(labels, "i", params)
                    + where(filter, labels, "i", params) + orderBy(sort, "i").replace(" ORDER BY ", " ORDER BY "
                    + byConnection) + " LIMIT :limit OFFSET :offset";
        }
        params.addValue("limit", limit).addValue("offset", offset);
        String sql = "SELECT p.*, ARRAY(SELECT l.label FROM integration_label l WHERE l.integration_id = p.id"
                + " ORDER BY l.label) AS label_list, k.category AS check_category, k.organization AS check_organization,"
                + " k.checked_at AS check_checked_at, " + OutdatedCheck.sql("k", "p") + " AS check_outdated"
                + " FROM (" + page + ") p" + engine.latestCheck("p", "k") + orderBy(sort, "p");
        return jdbc.query(sql, params, IntegrationQueries::row);
    }

    public long count(IntegrationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        LabelPlan labels = engine.labels(filter, false);
        if (labels.none()) {
            return 0;
        }
        boolean labelsOnly = !labels.names().isEmpty() && filter.search() == null && filter.method() == null
                && filter.enabled() == null && filter.connection() == null && filter.expiringBy() == null;
        if (labelsOnly && labels.names().size() == 1 && labels.counts() != null) {
            return labels.counts()[0]; // H2: counted already; an integration has a label at most once
        }
        String sql;
        if (labelsOnly) {
            // Labels only: the label rows answer alone, one primary-key probe per further label (PostgreSQL:
            // 3 ms instead of 30 at 100,000 integrations; H2: the rarest label first). Every label row has its
            // integration (foreign key) and an integration has a label at most once (primary key), so this
            // counts integrations.
            StringBuilder join = new StringBuilder("SELECT COUNT(*) FROM integration_label l0");
            for (int n = 1; n < labels.names().size(); n++) {
                join.append(" JOIN integration_label l").append(n).append(" ON l").append(n)
                        .append(".integration_id = l0.integration_id AND l").append(n).append(".label = :label")
                        .append(n);
            }
            sql = join + " WHERE l0.label = :label0";
            for (int n = 0; n < labels.names().size(); n++) {
                params.addValue("label" + n, labels.names().get(n));
            }
        } else {
            sql = "SELECT COUNT(*) FROM " + engine.from(labels, "i", params) + where(filter, labels, "i", params);
        }
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Brings V12's two copies up to date for one integration, after its row or its stored status changed: its
     * connection status on its row ({@code integration.connection}, what the grid filters by) and its enabled flag
     * on its status row ({@code integration_status.enabled}, what /health's sets leave disabled ones out by). Plain
     * SQL, so the row's version does not change. Called in the transaction of the change: by IntegrationService
     * after every save, by ConnectionStatusStore after every result it takes (holding the row's lock).
     */
    public void refreshDerived(UUID id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        jdbc.update("UPDATE integration i SET connection = (SELECT " + OutdatedCheck.connection("s", "i")
                + " FROM integration_status s WHERE s.integration_id = i.id) WHERE i.id = :id", params);
        jdbc.update("UPDATE integration_status s SET (enabled, token_expires_on, ssh_key_added_on) = (SELECT"
                + " i.enabled, i.token_expires_on, i.ssh_key_added_on FROM integration i WHERE i.id = s.integration_id)"
                + " WHERE s.integration_id = :id", params);
    }

    public List<String> labelsInUse() {
        return jdbc.queryForList("SELECT DISTINCT label FROM integration_label ORDER BY label",
                new MapSqlParameterSource(), String.class);
    }

    /** Key ids that stored secrets were encrypted with. */
    public List<Integer> keyIdsInUse() {
        return jdbc.queryForList("SELECT pat_key_id FROM integration WHERE pat_key_id IS NOT NULL"
                + " UNION SELECT ssh_key_key_id FROM integration WHERE ssh_key_key_id IS NOT NULL",
                new MapSqlParameterSource(), Integer.class);
    }

    /** A token or an SSH key (with its passphrase) encrypted with another key than {@code :keyId}. */
    private static final String NOT_ON_KEY = "((pat_key_id IS NOT NULL AND pat_key_id <> :keyId)"
            + " OR (ssh_key_key_id IS NOT NULL AND ssh_key_key_id <> :keyId)"
            + " OR (sp_secret_key_id IS NOT NULL AND sp_secret_key_id <> :keyId)"
            + " OR (sp_certificate_key_id IS NOT NULL AND sp_certificate_key_id <> :keyId))";

    /** Up to {@code limit} integrations with a secret not encrypted with the given key. */
    public List<UUID> secretsNotOnKey(int keyId, int limit) {
        return jdbc.queryForList("SELECT id FROM integration WHERE " + NOT_ON_KEY + " ORDER BY id LIMIT :limit",
                new MapSqlParameterSource("keyId", keyId).addValue("limit", limit),
                UUID.class);
    }

    public long countSecretsNotOnKey(int keyId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE " + NOT_ON_KEY,
                new MapSqlParameterSource("keyId", keyId), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Replaces a token's ciphertext if the row is still at the version it was read at. The version is not
     * bumped: re-encryption does not change what an editor sees, and their concurrent save must still win.
     */
    public boolean replaceCiphertext(UUID id, long version, byte[] ciphertext, int keyId) {
        return jdbc.update("UPDATE integration SET pat_ciphertext = :ct, pat_key_id = :keyId WHERE id = :id"
                + " AND version = :version", new MapSqlParameterSource("ct", ciphertext).addValue("keyId", keyId)
                .addValue("id", id).addValue("version", version)) == 1;
    }

    /** {@link #replaceCiphertext} for an SSH key and its passphrase (sealed with the same key). */
    public boolean replaceSshCiphertext(UUID id, long version, byte[] keyCiphertext,
            byte @Nullable [] passphraseCiphertext, int keyId) {
        return jdbc.update("UPDATE integration SET ssh_key_ciphertext = :kct, ssh_passphrase_ciphertext = :pct,"
                + " ssh_key_key_id = :keyId WHERE id = :id AND version = :version", new MapSqlParameterSource("kct",
                keyCiphertext).addValue("pct", passphraseCiphertext).addValue("keyId", keyId).addValue("id", id)
                .addValue("version", version)) == 1;
    }

    /**
     * {@link #replaceCiphertext} for a service principal's client secret or certificate (whichever it has; the other
     * stays null), sealed with {@code keyId}.
     */
    public boolean replaceServicePrincipalCiphertext(UUID id, long version, byte @Nullable [] secretCiphertext,
            byte @Nullable [] certificateCiphertext, int keyId) {
        return jdbc.update("UPDATE integration SET sp_secret_ciphertext = :sct, sp_secret_key_id = :skey,"
                + " sp_certificate_ciphertext = :cct, sp_certificate_key_id = :ckey WHERE id = :id"
                + " AND version = :version", new MapSqlParameterSource("sct", secretCiphertext)
                .addValue("skey", secretCiphertext == null ? null : keyId).addValue("cct", certificateCiphertext)
                .addValue("ckey", certificateCiphertext == null ? null : keyId).addValue("id", id)
                .addValue("version", version)) == 1;
    }

    private String where(IntegrationFilter f, LabelPlan labels, String alias, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>(engine.labelsBeforeSearch(labels, alias));
        if (f.search() != null) {
            parts.add(engine.search(f.search(), alias, params));
        }
        parts.addAll(engine.labelsAfterSearch(labels, alias, params));
        if (f.method() != null) {
            parts.add(alias + ".method = :method");
            params.addValue("method", f.method().name());
        }
        if (f.enabled() != null) {
            parts.add(alias + ".enabled = :enabled");
            params.addValue("enabled", f.enabled());
        }
        if (f.expiringBy() != null) {
            parts.add(GridFilterSql.expiringBy(f.expiringBy(), alias, params));
        }
        if (f.connection() != null) {
            parts.add(GridFilterSql.connection(f.connection(), alias, params));
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static String orderBy(IntegrationSort sort, String alias) {
        String dir = sort.ascending() ? " ASC" : " DESC";
        String a = alias + ".";
        String primary = switch (sort.field()) {
            case NAME -> a + "name_key" + dir;
            case METHOD -> a + "method" + dir + ", " + a + "name_key";
            case ORGANIZATION -> a + "organization" + dir + ", " + a + "name_key";
            case TOKEN_EXPIRY -> a + "token_expires_on" + dir + " NULLS LAST, " + a + "name_key";
            case UPDATED -> a + "updated_at" + dir + ", " + a + "id" + dir;
            case STATUS -> a + "enabled" + dir + ", " + a + "name_key";
        };
        return " ORDER BY " + primary + ", " + a + "id";
    }

    private static IntegrationSummary row(ResultSet rs, int n) throws SQLException {
        Object[] labels = (Object[]) rs.getArray("label_list").getArray();
        String category = rs.getString("check_category");
        LastCheck lastCheck = category == null ? null : new LastCheck(CategoryCodes.parse(category),
                rs.getString("check_organization"), instant(rs, "check_checked_at"), rs.getBoolean("check_outdated"));
        return new IntegrationSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description"), AuthMethod.valueOf(rs.getString("method")), rs.getString("organization"),
                Arrays.stream(labels).map(String.class::cast).toList(), rs.getBoolean("enabled"),
                rs.getObject("token_expires_on", LocalDate.class), rs.getObject("ssh_key_added_on", LocalDate.class),
                rs.getObject("pat_key_id") != null,
                instant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"), lastCheck);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
