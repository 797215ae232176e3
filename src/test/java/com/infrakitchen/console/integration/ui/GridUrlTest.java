package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.credential.AuthMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's state in the URL (docs/product.md 6): every filter written and read back, unknown values ignored. */
class GridUrlTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void everyConnectionStatusAndExpiringSoonRoundTripThroughTheUrl() {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            for (boolean expiring : new boolean[] {false, true}) {
                IntegrationFilter filter = GridUrl.filter("pay", Set.of("prod"), "PAT", "enabled", status.urlValue(),
                        expiring, TODAY);
                assertThat(filter.connection()).isEqualTo(status);
                assertThat(filter.expiringBy()).isEqualTo(expiring ? TODAY.plusDays(14) : null);
                Map<String, List<String>> params = GridUrl.params(filter, "pay", "NAME", true);
                assertThat(params.get("connection")).containsExactly(status.urlValue());
                assertThat(params.get("expiring")).isEqualTo(expiring ? List.of("true") : null);

                GridUrl url = GridUrl.parse(params);
                assertThat(url).isEqualTo(new GridUrl("pay", Set.of("prod"), "PAT", "enabled", status.urlValue(),
                        expiring, "NAME", true));
                assertThat(GridUrl.filter(url.search(), url.labels(), url.method(), url.status(), url.connection(),
                        url.expiring(), TODAY)).isEqualTo(filter);
            }
        }
    }

    @Test
    void theUrlNamesTheStatusesInPlainWords() {
        assertThat(GridUrl.params(GridUrl.filter("", Set.of(), "", "", "failed", true, TODAY), "", null, false))
                .isEqualTo(Map.of("connection", List.of("failed"), "expiring", List.of("true")));
        assertThat(GridUrl.parse(Map.of("connection", List.of("never-tested"))).connection()).isEqualTo("never-tested");
    }

    @Test
    void unknownOrAbsentValuesMeanAny() {
        GridUrl url = GridUrl.parse(Map.of("connection", List.of("FAILED"), "expiring", List.of("yes")));
        assertThat(url.connection()).isEmpty();
        assertThat(url.expiring()).isFalse();
        IntegrationFilter filter = GridUrl.filter("", Set.of(), "", "", url.connection(), url.expiring(), TODAY);
        assertThat(filter).isEqualTo(IntegrationFilter.NONE);
        assertThat(GridUrl.params(filter, "", null, false)).isEmpty();
        assertThat(GridUrl.parse(Map.of()).method()).isEqualTo("");
        assertThat(GridUrl.filter("", Set.of(), AuthMethod.SSH.name(), "", null, false, TODAY).connection()).isNull();
    }
}
