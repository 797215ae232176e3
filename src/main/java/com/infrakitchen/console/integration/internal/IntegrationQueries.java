package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.AuthMethod;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The grid's SQL: one page of rows with filters, sorting and paging in the database, then the labels of
 * just that page in one more query. Nothing loads a whole table.
 */
@Repository
public class IntegrationQueries {

    private static final String COLUMNS = "i.id, i.name, i.description, i.method, i.organization, i.enabled,"
            + " i.token_expires_on, i.pat_key_id, i.updated_at, i.updated_by, i.version";

    private final NamedParameterJdbcTemplate jdbc;

    IntegrationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<IntegrationSummary> find(IntegrationFilter filter, IntegrationSort sort, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql;
        if (filter.search() != null && sort.field() == IntegrationSort.Field.NAME) {
            // Search by name: the page's name keys come from ix_integration_name_search alone (name order, text
            // alongside), so a rare term scans a narrow index, not every row in name order; then only the
            // page's rows are read. search_text in the ORDER BY changes nothing (name_key is unique) but makes
            // H2 take that index rather than uq_integration_name_key's.
            String dir = sort.ascending() ? " ASC" : " DESC";
            sql = "SELECT " + COLUMNS + " FROM integration i WHERE i.name_key IN (SELECT s.name_key FROM "
                    + from(filter, "s", params) + where(filter, "s", params) + " ORDER BY s.name_key" + dir
                    + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)" + orderBy(sort);
        } else if (filter.search() != null && sort.field() == IntegrationSort.Field.UPDATED) {
            // The same by update time, from ix_integration_updated_search ((updated_at, id) is unique).
            String dir = sort.ascending() ? " ASC" : " DESC";
            sql = "SELECT " + COLUMNS + " FROM integration i WHERE i.id IN (SELECT s.id FROM "
                    + from(filter, "s", params) + where(filter, "s", params) + " ORDER BY s.updated_at" + dir
                    + ", s.id" + dir + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)" + orderBy(sort);
        } else {
            sql = "SELECT " + COLUMNS + " FROM " + from(filter, "i", params) + where(filter, "i", params)
                    + orderBy(sort) + " LIMIT :limit OFFSET :offset";
        }
        params.addValue("limit", limit).addValue("offset", offset);
        List<Row> rows = jdbc.query(sql, params, IntegrationQueries::row);
        Map<UUID, List<String>> labels = labelsOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.toSummary(labels.getOrDefault(r.id, List.of()))).toList();
    }

    public long count(IntegrationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql;
        if (!filter.labels().isEmpty() && filter.search() == null && filter.method() == null
                && filter.enabled() == null) {
            // Labels only: the label rows answer alone, one primary-key probe per further label (PostgreSQL:
            // 3 ms instead of 30 at 100,000 integrations; H2 about the same). Every label row has its
            // integration (foreign key) and an integration has a label at most once (primary key), so this
            // counts integrations.
            StringBuilder join = new StringBuilder("SELECT COUNT(*) FROM integration_label l0");
            for (int n = 1; n < filter.labels().size(); n++) {
                join.append(" JOIN integration_label l").append(n).append(" ON l").append(n)
                        .append(".integration_id = l0.integration_id AND l").append(n).append(".label = :label")
                        .append(n);
            }
            sql = join + " WHERE l0.label = :label0";
            for (int n = 0; n < filter.labels().size(); n++) {
                params.addValue("label" + n, filter.labels().get(n));
            }
        } else {
            sql = "SELECT COUNT(*) FROM " + from(filter, "i", params) + where(filter, "i", params);
        }
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
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
            + " OR (ssh_key_key_id IS NOT NULL AND ssh_key_key_id <> :keyId))";

    /** Up to {@code limit} integrations with a secret not encrypted with the given key. */
    public List<UUID> secretsNotOnKey(int keyId, int limit) {
        return jdbc.queryForList("SELECT id FROM integration WHERE " + NOT_ON_KEY + " ORDER BY id LIMIT :limit", new MapSqlParameterSource("keyId", keyId).addValue("limit", limit),
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
    public boolean replaceSshCiphertext(UUID id, long version, byte[] keyCiphertext, byte[] passphraseCiphertext,
            int keyId) {
        return jdbc.update("UPDATE integration SET ssh_key_ciphertext = :kct, ssh_passphrase_ciphertext = :pct,"
                + " ssh_key_key_id = :keyId WHERE id = :id AND version = :version", new MapSqlParameterSource("kct",
                keyCiphertext).addValue("pct", passphraseCiphertext).addValue("keyId", keyId).addValue("id", id)
                .addValue("version", version)) == 1;
    }

    private Map<UUID, List<String>> labelsOf(List<UUID> ids) {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT integration_id, label FROM integration_label WHERE integration_id IN (:ids)"
                + " ORDER BY label", new MapSqlParameterSource("ids", ids), rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /**
     * The integration table as {@code alias}, joined to the ids having every label asked for (one index range
     * over the labels, grouped). A join rather than {@code id IN (...)}: at 100,000 integrations H2 takes
     * half the time (docs/benchmarks/grid.md); PostgreSQL plans both alike.
     */
    private static String from(IntegrationFilter f, String alias, MapSqlParameterSource params) {
        if (f.labels().isEmpty()) {
            return "integration " + alias;
        }
        params.addValue("labels", f.labels()).addValue("labelCount", f.labels().size());
        return "integration " + alias + " JOIN (SELECT l.integration_id FROM integration_label l"
                + " WHERE l.label IN (:labels) GROUP BY l.integration_id HAVING COUNT(*) = :labelCount) m"
                + " ON m.integration_id = " + alias + ".id";
    }

    private static String where(IntegrationFilter f, String alias, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        if (f.search() != null) {
            // A plain substring test: the same as LIKE '%term%' with the term escaped, without H2 compiling
            // the pattern again for every row (5 MB of garbage per query at 100,000 rows).
            parts.add("POSITION(:search IN " + alias + ".search_text) > 0");
            params.addValue("search", f.search());
        }
        if (f.method() != null) {
            parts.add(alias + ".method = :method");
            params.addValue("method", f.method().name());
        }
        if (f.enabled() != null) {
            parts.add(alias + ".enabled = :enabled");
            params.addValue("enabled", f.enabled());
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static String orderBy(IntegrationSort sort) {
        String dir = sort.ascending() ? " ASC" : " DESC";
        String primary = switch (sort.field()) {
            case NAME -> "i.name_key" + dir;
            case METHOD -> "i.method" + dir + ", i.name_key";
            case ORGANIZATION -> "i.organization" + dir + ", i.name_key";
            case TOKEN_EXPIRY -> "i.token_expires_on" + dir + " NULLS LAST, i.name_key";
            case UPDATED -> "i.updated_at" + dir + ", i.id" + dir;
            case STATUS -> "i.enabled" + dir + ", i.name_key";
        };
        return " ORDER BY " + primary + ", i.id";
    }

    private record Row(UUID id, String name, String description, String method, String organization,
            boolean enabled, LocalDate tokenExpiresOn, boolean tokenConfigured, Instant updatedAt, String updatedBy,
            long version) {
        IntegrationSummary toSummary(List<String> labels) {
            return new IntegrationSummary(id, name, description, AuthMethod.valueOf(method), organization, labels,
                    enabled, tokenExpiresOn, tokenConfigured, updatedAt, updatedBy, version);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("method"), rs.getString("organization"), rs.getBoolean("enabled"),
                rs.getObject("token_expires_on", LocalDate.class), rs.getObject("pat_key_id") != null,
                updated == null ? null : updated.toInstant(), rs.getString("updated_by"), rs.getLong("version"));
    }
}
