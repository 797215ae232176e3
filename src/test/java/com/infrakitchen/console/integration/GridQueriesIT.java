package com.infrakitchen.console.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.support.GridData.Generated;
import com.infrakitchen.console.integration.credential.AuthMethod;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The day "Expiring soon" counts to in these tests (the data's expiry dates run from 2026-04-01). */
    private static final LocalDate EXPIRING_BY = LocalDate.of(2026, 6, 15);

    private static List<IntegrationFilter> filters() {
        List<IntegrationFilter> filters = new ArrayList<>(GridData.filters("ledger-sync", "prod", "zz-no-such-thing",
                List.of("prod", "team-payments")));
        filters.addAll(statusFilters());
        return filters;
    }

    /** Each connection status alone, with others, and "Expiring soon" alone and with a status. */
    private static List<IntegrationFilter> statusFilters() {
        List<IntegrationFilter> filters = new ArrayList<>();
        for (ConnectionStatus status : ConnectionStatus.values()) {
            filters.add(new IntegrationFilter(null, List.of(), null, null, status, null));
        }
        filters.add(new IntegrationFilter(null, List.of(), null, null, null, EXPIRING_BY));
        filters.add(new IntegrationFilter(null, List.of(), AuthMethod.PAT, true, ConnectionStatus.FAILED,
                EXPIRING_BY));
        filters.add(new IntegrationFilter(null, List.of("prod"), null, null, ConnectionStatus.CONNECTED, null));
        filters.add(new IntegrationFilter("payments", List.of(), null, null, ConnectionStatus.OUTDATED, null));
        filters.add(new IntegrationFilter(null, List.of("prod", "team-payments"), null, null,
                ConnectionStatus.NEVER_TESTED, EXPIRING_BY));
        return filters;
    }

    @Test
    void eachConnectionStatusAndExpiringSoonMatchWhatTheDataSays() {
        // not vacuous: every status and both sides of the expiry day are in the data
        for (ConnectionStatus status : ConnectionStatus.values()) {
            assertThat(data).as("%s in the data", status).anyMatch(g -> g.connection() == status);
        }
        assertThat(data).anyMatch(g -> g.tokenExpiresOn() != null && g.tokenExpiresOn().isAfter(EXPIRING_BY))
                .anyMatch(g -> g.tokenExpiresOn() != null && !g.tokenExpiresOn().isAfter(EXPIRING_BY))
                .anyMatch(g -> g.tokenExpiresOn() == null);
        As.user("grid", "VIEWER", () -> {
            long sum = 0;
            for (ConnectionStatus status : ConnectionStatus.values()) {
                IntegrationFilter filter = new IntegrationFilter(null, List.of(), null, null, status, null);
                List<IntegrationSummary> rows = all(filter);
                assertThat(rows).as("%s", status).isNotEmpty().allSatisfy(s -> assertThat(status(s)).isEqualTo(status));
                assertThat(integrations.count(filter)).isEqualTo(rows.size());
                sum += rows.size();
            }
            assertThat(sum).isEqualTo(SIZE); // the statuses split the integrations
            IntegrationFilter expiring = new IntegrationFilter(null, List.of(), null, null, null, EXPIRING_BY);
            assertThat(all(expiring)).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.tokenExpiresOn()).isBeforeOrEqualTo(EXPIRING_BY));
        });
    }

    /** Every row the filter matches, a page of 200 (the service's largest) at a time. */
    private List<IntegrationSummary> all(IntegrationFilter filter) {
        List<IntegrationSummary> rows = new ArrayList<>();
        for (int offset = 0; offset < SIZE; offset += 200) {
            rows.addAll(integrations.find(filter, IntegrationSort.DEFAULT, offset, 200));
        }
        return rows;
    }

    /** The status as the row itself says it (what the Connection column shows). */
    private static ConnectionStatus status(IntegrationSummary s) {
        if (s.lastCheck() == null) {
            return ConnectionStatus.NEVER_TESTED;
        }
        return s.lastCheck().outdated() ? ConnectionStatus.OUTDATED
                : ConnectionStatus.valueOf(s.lastCheck().outcome().name());
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
