package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.IntegrationFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The grid's engine-specific SQL on H2, which has no trigram index, no per-value statistics, only nested
 * loops and no {@code LATERAL}: {@code POSITION} for the search, a label plan chosen here from the labels' row
 * counts, and the newest check joined by its id.
 */
final class H2GridSql implements GridSql {

    /**
     * A page filtered by one label walks the sorted rows and probes the label when at least 1 in 20
     * integrations has it (page 1 then reads about 1,000 rows at most); below that it reads the label's rows.
     */
    private static final int WALK_WHEN_ONE_IN = 20;

    private final NamedParameterJdbcTemplate jdbc;

    H2GridSql(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * H2 keeps no per-value statistics and has only nested loops, so the shape is chosen here, from each
     * label's row count (one query, 1-2 ms per label at 100,000 integrations). Left to itself, H2 walked every
     * integration in the grid's order and probed the labels of each: 1.4 s at 100,000 for a label pair that no
     * integration has, or for two labels and a status filter. Now the rarest label's rows drive (each costs a
     * primary-key probe per further label, and the matches are then sorted), except for a page with one
     * frequent label, where walking stops after a few hundred rows. The choice changes no result.
     */
    @Override
    public LabelPlan labels(IntegrationFilter f, boolean page) {
        if (f.labels().isEmpty()) {
            return LabelPlan.asGiven(f.labels());
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
                && f.enabled() == null && f.connection() == null && f.expiringBy() == null;
        return new LabelPlan(names, sorted, sorted[0] == 0, walk);
    }

    /**
     * The rarest label's rows, a primary-key probe per further label, then the integration; a LEFT JOIN,
     * because H2 keeps the tables of an outer join in the order written (every label row has its integration,
     * so it is an inner join in effect). Walking, or no labels: the integration table alone.
     */
    @Override
    public String from(LabelPlan labels, String alias, MapSqlParameterSource params) {
        if (!labels.joinsLabels()) {
            return "integration " + alias;
        }
        StringBuilder sql = new StringBuilder("integration_label ").append(alias).append("l0");
        for (int n = 1; n < labels.names().size(); n++) {
            String l = alias + "l" + n;
            sql.append(" JOIN integration_label ").append(l).append(" ON ").append(l).append(".integration_id = ")
                    .append(alias).append("l0.integration_id AND ").append(l).append(".label = :label").append(n);
        }
        sql.append(" LEFT JOIN integration ").append(alias).append(" ON ").append(alias).append(".id = ")
                .append(alias).append("l0.integration_id");
        for (int n = 0; n < labels.names().size(); n++) {
            params.addValue("label" + n, labels.names().get(n));
        }
        return sql.toString();
    }

    @Override
    public List<String> labelsBeforeSearch(LabelPlan labels, String alias) {
        return labels.joinsLabels() ? List.of(alias + "l0.label = :label0") : List.of();
    }

    @Override
    public List<String> labelsAfterSearch(LabelPlan labels, String alias, MapSqlParameterSource params) {
        if (!labels.walk()) {
            return List.of();
        }
        params.addValue("label0", labels.names().get(0));
        return List.of("EXISTS (SELECT 1 FROM integration_label " + alias + "l0 WHERE " + alias
                + "l0.integration_id = " + alias + ".id AND " + alias + "l0.label = :label0)");
    }

    /**
     * A plain substring test: the same as LIKE '%term%' with the term escaped, without H2 compiling the pattern
     * again for every row (5 MB of garbage per query at 100,000 rows).
     */
    @Override
    public String search(String term, String alias, MapSqlParameterSource params) {
        params.addValue("search", term);
        return "POSITION(:search IN " + alias + ".search_text) > 0";
    }

    /** The newest check's id from {@code ix_integration_check_latest}, then that row by its primary key. */
    @Override
    public String latestCheck(String alias, String check) {
        return " LEFT JOIN integration_check " + check + " ON " + check + ".id = (SELECT c.id FROM integration_check c"
                + " WHERE c.integration_id = " + alias + ".id ORDER BY c.checked_at DESC, c.id DESC"
                + " FETCH FIRST 1 ROWS ONLY)";
    }
}
