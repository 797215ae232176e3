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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The grid's SQL: one page of rows with filters, sorting and paging in the database, then the labels of
 * just that page in one more query. Nothing loads a whole table.
 *
 * <p>Two parts are written per engine, because at 100,000 integrations the engines need opposite shapes
 * (docs/benchmarks/grid.md):
 * <ul>
 * <li>the search test: {@code LIKE} on PostgreSQL, which V5's trigram index answers; {@code POSITION} on
 * H2, which has no such index and would compile a LIKE pattern again for every row;</li>
 * <li>the label filter: on PostgreSQL one join per label, ordered by the planner from its label statistics;
 * on H2, which has neither per-value statistics nor hash joins, an order decided here from the labels' row
 * counts ({@link Labels}).</li>
 * </ul>
 * Everything else is the same SQL on both, and so are the results (GridQueryBenchmark checks them row by
 * row on both engines).
 */
@Repository
public class IntegrationQueries {

    private static final String COLUMNS = "i.id, i.name, i.description, i.method, i.organization, i.enabled,"
            + " i.token_expires_on, i.pat_key_id, i.updated_at, i.updated_by, i.version";
    /**
     * H2: a page filtered by one label walks the sorted rows and probes the label when at least 1 in 20
     * integrations has it (page 1 then reads about 1,000 rows at most); below that it reads the label's rows.
     */
    private static final int WALK_WHEN_ONE_IN = 20;

    private final NamedParameterJdbcTemplate jdbc;
    /** Whether the database is PostgreSQL (else H2); read from the connection on first use. */
    private volatile Boolean postgres;

    IntegrationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<IntegrationSummary> find(IntegrationFilter filter, IntegrationSort sort, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Labels labels = labels(filter, true);
        if (labels.none) {
            return List.of();
        }
        String sql;
        if (filter.search() != null && sort.field() == IntegrationSort.Field.NAME) {
            // Search by name: the page's name keys come from ix_integration_name_search alone (name order, text
            // alongside), so a rare term scans a narrow index, not every row in name order; then only the
            // page's rows are read. search_text in the ORDER BY changes nothing (name_key is unique) but makes
            // H2 take that index rather than uq_integration_name_key's.
            String dir = sort.ascending() ? " ASC" : " DESC";
            sql = "SELECT " + COLUMNS + " FROM integration i WHERE i.name_key IN (SELECT s.name_key FROM "
                    + from(labels, "s", params) + where(filter, labels, "s", params) + " ORDER BY s.name_key" + dir
                    + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)" + orderBy(sort);
        } else if (filter.search() != null && sort.field() == IntegrationSort.Field.UPDATED) {
            // The same by update time, from ix_integration_updated_search ((updated_at, id) is unique).
            String dir = sort.ascending() ? " ASC" : " DESC";
            sql = "SELECT " + COLUMNS + " FROM integration i WHERE i.id IN (SELECT s.id FROM "
                    + from(labels, "s", params) + where(filter, labels, "s", params) + " ORDER BY s.updated_at"
                    + dir + ", s.id" + dir + ", s.search_text" + dir + " LIMIT :limit OFFSET :offset)"
                    + orderBy(sort);
        } else {
            sql = "SELECT " + COLUMNS + " FROM " + from(labels, "i", params) + where(filter, labels, "i", params)
                    + orderBy(sort) + " LIMIT :limit OFFSET :offset";
        }
        params.addValue("limit", limit).addValue("offset", offset);
        List<Row> rows = jdbc.query(sql, params, IntegrationQueries::row);
        Map<UUID, List<String>> pageLabels = labelsOf(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.toSummary(pageLabels.getOrDefault(r.id, List.of()))).toList();
    }

    public long count(IntegrationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Labels labels = labels(filter, false);
        if (labels.none) {
            return 0;
        }
        boolean labelsOnly = !labels.names.isEmpty() && filter.search() == null && filter.method() == null
                && filter.enabled() == null;
        if (labelsOnly && labels.names.size() == 1 && labels.counts != null) {
            return labels.counts[0]; // H2: counted already; an integration has a label at most once
        }
        String sql;
        if (labelsOnly) {
            // Labels only: the label rows answer alone, one primary-key probe per further label (PostgreSQL:
            // 3 ms instead of 30 at 100,000 integrations; H2: the rarest label first). Every label row has its
            // integration (foreign key) and an integration has a label at most once (primary key), so this
            // counts integrations.
            StringBuilder join = new StringBuilder("SELECT COUNT(*) FROM integration_label l0");
            for (int n = 1; n < labels.names.size(); n++) {
                join.append(" JOIN integration_label l").append(n).append(" ON l").append(n)
                        .append(".integration_id = l0.integration_id AND l").append(n).append(".label = :label")
                        .append(n);
            }
            sql = join + " WHERE l0.label = :label0";
            for (int n = 0; n < labels.names.size(); n++) {
                params.addValue("label" + n, labels.names.get(n));
            }
        } else {
            sql = "SELECT COUNT(*) FROM " + from(labels, "i", params) + where(filter, labels, "i", params);
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

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            String product = jdbc.getJdbcTemplate().execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            p = "PostgreSQL".equalsIgnoreCase(product);
            postgres = p;
        }
        return p;
    }

    /**
     * How a filter's labels are looked up.
     *
     * @param names  the labels; on H2 from the rarest
     * @param counts H2: integrations per label, in the order of {@code names}; null on PostgreSQL
     * @param none   H2: a label is on no integration, so nothing matches and no query is needed
     * @param walk   H2, a page with one label on at least 1 in {@value #WALK_WHEN_ONE_IN} integrations and no
     *               method or status filter: walk the rows in the grid's order and probe the label
     *               ({@code EXISTS}); otherwise the label rows drive
     */
    private record Labels(List<String> names, long[] counts, boolean none, boolean walk) {
    }

    /**
     * PostgreSQL plans the label joins from its own statistics: the labels go in as asked. H2 keeps no
     * per-value statistics and has only nested loops, so the shape is chosen here, from each label's row count
     * (one query, 1-2 ms per label at 100,000 integrations). Left to itself, H2 walked every integration in the
     * grid's order and probed the labels of each: 1.4 s at 100,000 for a label pair that no integration has,
     * or for two labels and a status filter. Now the rarest label's rows drive (each costs a primary-key probe
     * per further label, and the matches are then sorted), except for a page with one frequent label, where
     * walking stops after a few hundred rows. The choice changes no result.
     */
    private Labels labels(IntegrationFilter f, boolean page) {
        if (f.labels().isEmpty() || postgres()) {
            return new Labels(f.labels(), null, false, false);
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder("SELECT (SELECT COUNT(*) FROM integration)");
        for (int n = 0; n < f.labels().size(); n++) {
            sql.append(", (SELECT COUNT(*) FROM integration_label WHERE label = :label").append(n).append(')');
            params.addValue("label" + n, f.labels().get(n));
        }
        long[] counts = jdbc.queryForObject(sql.toString(), params, (rs, row) -> {
            long[] out = new long[f.labels().size() + 1];
            for (int n = 0; n < out.length; n++) {
                out[n] = rs.getLong(n + 1);
            }
            return out;
        });
        long total = counts[0];
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < f.labels().size(); n++) {
            order.add(n);
        }
        order.sort(Comparator.comparingLong(n -> counts[n + 1]));
        List<String> names = order.stream().map(f.labels()::get).toList();
        long[] sorted = order.stream().mapToLong(n -> counts[n + 1]).toArray();
        boolean walk = page && names.size() == 1 && sorted[0] * WALK_WHEN_ONE_IN >= total && f.method() == null
                && f.enabled() == null;
        return new Labels(names, sorted, sorted[0] == 0, walk);
    }

    /**
     * The rows to filter, as {@code alias}. PostgreSQL: the integration table joined once per label on the
     * label's primary key (integration_id, label), so no row repeats. H2: the rarest label's rows, a
     * primary-key probe per further label, then the integration; a LEFT JOIN, because H2 keeps the tables of
     * an outer join in the order written (every label row has its integration, so it is an inner join in
     * effect). H2 walking, or no labels: the integration table alone ({@link #where} adds the rest).
     */
    private String from(Labels labels, String alias, MapSqlParameterSource params) {
        if (labels.names.isEmpty() || labels.walk) {
            return "integration " + alias;
        }
        StringBuilder sql = new StringBuilder();
        if (postgres()) {
            sql.append("integration ").append(alias);
            for (int n = 0; n < labels.names.size(); n++) {
                String l = alias + "l" + n;
                sql.append(" JOIN integration_label ").append(l).append(" ON ").append(l).append(".integration_id = ")
                        .append(alias).append(".id AND ").append(l).append(".label = :label").append(n);
            }
        } else {
            sql.append("integration_label ").append(alias).append("l0");
            for (int n = 1; n < labels.names.size(); n++) {
                String l = alias + "l" + n;
                sql.append(" JOIN integration_label ").append(l).append(" ON ").append(l).append(".integration_id = ")
                        .append(alias).append("l0.integration_id AND ").append(l).append(".label = :label").append(n);
            }
            sql.append(" LEFT JOIN integration ").append(alias).append(" ON ").append(alias).append(".id = ")
                    .append(alias).append("l0.integration_id");
        }
        for (int n = 0; n < labels.names.size(); n++) {
            params.addValue("label" + n, labels.names.get(n));
        }
        return sql.toString();
    }

    private String where(IntegrationFilter f, Labels labels, String alias, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        if (!labels.names.isEmpty() && !postgres() && !labels.walk) {
            parts.add(alias + "l0.label = :label0");
        }
        if (f.search() != null) {
            if (postgres() && trigramSearchable(f.search())) {
                // V5's trigram index answers LIKE (not POSITION): a rare term or no match reads a few rows, a
                // count reads only the candidates. The same test as POSITION, with the term's wildcards and
                // escape character escaped (backslash is LIKE's default escape on PostgreSQL).
                parts.add(alias + ".search_text LIKE :searchPattern");
                params.addValue("searchPattern", "%" + f.search().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
            } else {
                // A plain substring test: the same as LIKE '%term%' with the term escaped, without H2 compiling
                // the pattern again for every row (5 MB of garbage per query at 100,000 rows).
                parts.add("POSITION(:search IN " + alias + ".search_text) > 0");
                params.addValue("search", f.search());
            }
        }
        if (labels.walk) {
            // After the search test, so only rows that pass it are probed.
            parts.add("EXISTS (SELECT 1 FROM integration_label " + alias + "l0 WHERE " + alias + "l0.integration_id = "
                    + alias + ".id AND " + alias + "l0.label = :label0)");
            params.addValue("label0", labels.names.get(0));
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

    /**
     * Whether a term has three letters or digits in a row, i.e. at least one trigram the index can look up.
     * Shorter terms (and terms of other characters) would make the index read all of itself (PostgreSQL
     * cannot know that when it reuses a prepared plan), so they keep POSITION and read the table.
     */
    static boolean trigramSearchable(String term) {
        int run = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            run = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
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
