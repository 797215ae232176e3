package com.infrakitchen.console.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.support.GridData.Generated;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The grid's queries against what the data says, on one engine per subclass ({@link H2GridQueriesIT},
 * {@link PostgresGridQueriesIT}): every filter counted, and every sort in both directions with every filter on
 * three pages, row by row (ids in order, fields, labels, the newest check and whether it is outdated). The
 * filters reach every engine-specific shape of the SQL (GridSql): the searches per sort, LIKE and POSITION on
 * PostgreSQL, the label plans of H2 (rarest label first, walking a frequent one, a label nobody has). The data
 * is GridQueryBenchmark's, smaller; each subclass fills a database of its own.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GridQueriesIT {

    private static final int SIZE = 1_200;
    private static final int PAGE = 50;

    @Autowired
    IntegrationService integrations;
    @Autowired
    DataSource dataSource;
    @Autowired
    SecretCipher cipher;

    private List<Generated> data;

    @BeforeAll
    void fill() throws SQLException {
        data = new GridData.Generator(7).generate(SIZE);
        GridData.fill(dataSource, data, cipher);
        assertThat(As.user("grid", "VIEWER", () -> integrations.count(IntegrationFilter.NONE))).isEqualTo(SIZE);
    }

    private static List<IntegrationFilter> filters() {
        return GridData.filters("ledger-sync", "prod", "zz-no-such-thing", List.of("prod", "team-payments"));
    }

    @Test
    void everyFilterCountsTheIntegrationsItMatches() {
        As.user("grid", "VIEWER", () -> {
            for (IntegrationFilter filter : filters()) {
                GridData.check(filter, null, 0, PAGE, data, integrations);
            }
        });
    }

    @Test
    void everySortInBothDirectionsWithEveryFilterGivesThePageTheDataSays() {
        As.user("grid", "VIEWER", () -> {
            for (IntegrationFilter filter : filters()) {
                for (IntegrationSort.Field field : IntegrationSort.Field.values()) {
                    for (boolean ascending : new boolean[] {true, false}) {
                        for (int offset : new int[] {0, 50, 500}) {
                            GridData.check(filter, new IntegrationSort(field, ascending), offset, PAGE, data,
                                    integrations);
                        }
                    }
                }
            }
        });
    }

    @Test
    void eachRowCarriesItsNewestCheckAndWhetherItIsOutdated() {
        // The data has all three cases, so the row-by-row comparison above is not vacuous about checks.
        assertThat(data).anyMatch(g -> g.newestCheck() == null)
                .anyMatch(g -> g.newestCheck() != null && g.outdated(g.newestCheck()))
                .anyMatch(g -> g.newestCheck() != null && !g.outdated(g.newestCheck()))
                .anyMatch(g -> g.checks().size() > 1);
        List<IntegrationSummary> page = As.user("grid", "VIEWER",
                () -> integrations.find(IntegrationFilter.NONE, IntegrationSort.DEFAULT, 0, 200));
        assertThat(page).hasSize(200).anyMatch(s -> s.lastCheck() == null)
                .anyMatch(s -> s.lastCheck() != null && s.lastCheck().outdated())
                .anyMatch(s -> s.lastCheck() != null && !s.lastCheck().outdated());
        for (IntegrationSummary s : page) {
            Generated g = data.stream().filter(d -> d.id().equals(s.id())).findFirst().orElseThrow();
            assertThat(s.lastCheck() == null ? null : s.lastCheck().checkedAt())
                    .isEqualTo(g.newestCheck() == null ? null : g.newestCheck().checkedAt());
            assertThat(Objects.equals(s.lastCheck() == null ? null : s.lastCheck().headline(),
                    g.newestCheck() == null ? null
                            : g.newestCheck().category().headline(g.newestCheck().organization()))).isTrue();
        }
    }
}
