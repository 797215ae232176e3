package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.IntegrationFilter;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The grid's engine-specific SQL on PostgreSQL: {@code LIKE} for V5's trigram index, one join per label
 * ordered by the planner from its label statistics, and the newest check through a {@code LATERAL} join on
 * {@code ix_integration_check_latest}.
 */
final class PostgresGridSql implements GridSql {

    @Override
    public LabelPlan labels(IntegrationFilter filter, boolean page) {
        return LabelPlan.asGiven(filter.labels()); // the planner orders the joins from its own statistics
    }

    /** The integration table joined once per label on the label's primary key (integration_id, label). */
    @Override
    public String from(LabelPlan labels, String alias, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("integration ").append(alias);
        for (int n = 0; n < labels.names().size(); n++) {
            String l = alias + "l" + n;
            sql.append(" JOIN integration_label ").append(l).append(" ON ").append(l).append(".integration_id = ")
                    .append(alias).append(".id AND ").append(l).append(".label = :label").append(n);
            params.addValue("label" + n, labels.names().get(n));
        }
        return sql.toString();
    }

    @Override
    public List<String> labelsBeforeSearch(LabelPlan labels, String alias) {
        return List.of();
    }

    @Override
    public List<String> labelsAfterSearch(LabelPlan labels, String alias, MapSqlParameterSource params) {
        return List.of();
    }

    /**
     * V5's trigram index answers LIKE (not POSITION): a rare term or no match reads a few rows, a count reads
     * only the candidates. The same test as POSITION, with the term's wildcards and escape character escaped
     * (backslash is LIKE's default escape on PostgreSQL). A term without a trigram keeps POSITION.
     */
    @Override
    public String search(String term, String alias, MapSqlParameterSource params) {
        if (!trigramSearchable(term)) {
            params.addValue("search", term);
            return "POSITION(:search IN " + alias + ".search_text) > 0";
        }
        params.addValue("searchPattern", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%");
        return alias + ".search_text LIKE :searchPattern";
    }

    @Override
    public String latestCheck(String alias, String check) {
        return " LEFT JOIN LATERAL (SELECT c.category, c.organization, c.checked_at, c.token_set_at,"
                + " c.test_repository FROM integration_check c WHERE c.integration_id = " + alias + ".id"
                + " ORDER BY c.checked_at DESC, c.id DESC FETCH FIRST 1 ROWS ONLY) " + check + " ON TRUE";
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
}
