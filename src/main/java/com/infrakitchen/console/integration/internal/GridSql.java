package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.IntegrationFilter;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The parts of the grid's SQL that differ per engine, because at 100,000 integrations H2 and PostgreSQL need
 * opposite shapes (docs/benchmarks/grid.md, decision 0003's addendum): the search test, the label filter, and
 * how the newest check of each row on the page is joined. {@link IntegrationQueries} writes everything else,
 * the same on both; the results are the same too (GridQueriesIT checks them on both engines).
 */
sealed interface GridSql permits H2GridSql, PostgresGridSql {

    /** The engine of this data source, asked once. */
    static GridSql of(DataSource dataSource, NamedParameterJdbcTemplate jdbc) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Could not read which database this is: " + e.getMessage(), e);
        }
        return switch (product) {
            case "PostgreSQL" -> new PostgresGridSql();
            case "H2" -> new H2GridSql(jdbc);
            default -> throw new IllegalStateException("The console runs on H2 or PostgreSQL, not " + product);
        };
    }

    /** How the filter's labels are looked up, for a page or for a count. */
    LabelPlan labels(IntegrationFilter filter, boolean page);

    /** The rows to filter, as {@code alias}, joined to the label rows the plan needs. */
    String from(LabelPlan labels, String alias, MapSqlParameterSource params);

    /** The conditions the label plan adds before the search test. */
    List<String> labelsBeforeSearch(LabelPlan labels, String alias);

    /** The conditions the label plan adds after the search test (so only rows that pass it are probed). */
    List<String> labelsAfterSearch(LabelPlan labels, String alias, MapSqlParameterSource params);

    /** Whether {@code alias.search_text} contains the (lower-cased) term, as a plain substring. */
    String search(String term, String alias, MapSqlParameterSource params);

    /**
     * A {@code LEFT JOIN} that adds, as {@code check}, the newest {@code integration_check} row of each row of
     * {@code alias} (by {@code checked_at}, then {@code id}), or nulls when it has none. Its columns: category,
     * organization, checked_at, token_set_at, test_repository.
     */
    String latestCheck(String alias, String check);

    /**
     * How a filter's labels are looked up.
     *
     * @param names  the labels; on H2 from the rarest
     * @param counts H2: integrations per label, in the order of {@code names}; null on PostgreSQL
     * @param none   H2: a label is on no integration, so nothing matches and no query is needed
     * @param walk   H2, a page with one frequent label and no method or status filter: walk the rows in the
     *               grid's order and probe the label ({@code EXISTS}); otherwise the label rows drive
     */
    record LabelPlan(List<String> names, long @Nullable [] counts, boolean none, boolean walk) {

        static LabelPlan asGiven(List<String> names) {
            return new LabelPlan(names, null, false, false);
        }

        boolean joinsLabels() {
            return !names.isEmpty() && !walk;
        }
    }
}
