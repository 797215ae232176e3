package com.infrakitchen.console.health.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.health.HealthReport;
import com.infrakitchen.console.health.HealthService;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.StoredChecks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * {@code /health} without a browser, on a clock the test moves: the counts, one row per integration that needs
 * attention (worst first, each a link to its detail page, times relative to the application clock), and the
 * empty state with the time of the newest test. Starts each test from an empty integration table (health covers
 * every enabled integration).
 */
@ClockControlled
@WithMockUser(username = "health-view-viewer", roles = "VIEWER")
class HealthViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckRecordStore checks;

    Instant now;

    @BeforeEach
    void emptyTablesAndStartTheClock() {
        jdbc.update("DELETE FROM integration_check");
        jdbc.update("DELETE FROM integration_label");
        jdbc.update("DELETE FROM integration");
        clock.set(ClockControlled.Beans.START);
        now = clock.instant();
    }

    IntegrationDetail saved(String name, @Nullable LocalDate expiresOn) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name),
                IntegrationFixtures.fakeToken(), expiresOn);
    }

    /** A stored result {@code ago} before now, through the store (which keeps the connection status too). */
    void stored(IntegrationDetail i, Duration ago, String outcome, String category) {
        assertThat(checks.insert(StoredChecks.result(i.id(), now.minus(ago), category, "health-test"))).isTrue();
    }

    static String allText(Component c) {
        if (c instanceof Text t) {
            return t.getText();
        }
        return Stream.concat(Stream.of(c.getElement().getText()), c.getChildren().map(HealthViewTest::allText))
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" ")).strip();
    }

    static String count(HealthView view, String id) {
        Component box = view.counts.getChildren().filter(c -> c.getId().orElse("").equals("health-count-" + id))
                .findFirst().orElseThrow();
        return ((Span) box.getChildren().findFirst().orElseThrow()).getText();
    }

    @Test
    void countsThenOneLinkedRowPerIntegrationWorstFirstWithSinceWhen() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        IntegrationDetail never = saved("a-never-" + suffix, null);
        IntegrationDetail warning = saved("b-warning-" + suffix, null);
        stored(warning, Duration.ofMinutes(20), "WARNING", "azure_devops:CODE_WRITE_MISSING");
        IntegrationDetail failing = saved("c-failing-" + suffix, LocalDate.parse("2030-03-05"));
        stored(failing, Duration.ofHours(5), "CONNECTED", "CONNECTED");
        stored(failing, Duration.ofHours(3), "FAILED", "azure_devops:TOKEN_EXPIRED");
        stored(failing, Duration.ofHours(1), "FAILED", "azure_devops:TOKEN_EXPIRED");
        IntegrationDetail fine = saved("d-fine-" + suffix, null);
        stored(fine, Duration.ofHours(1), "CONNECTED", "CONNECTED");

        HealthView view = navigate(HealthView.class);
        assertThat(count(view, "failing")).isEqualTo("1");
        assertThat(count(view, "warning")).isEqualTo("1");
        assertThat(count(view, "expiring")).isEqualTo("1");
        assertThat(count(view, "never-tested")).isEqualTo("1");
        assertThat(count(view, "stale")).isEqualTo("0");
        assertThat(view.emptyState).isNull();

        assertThat(view.links).extracting(Anchor::getHref).containsExactly("integrations/" + failing.id() + "?tab=connection",
                "integrations/" + warning.id() + "?tab=connection", "integrations/" + never.id() + "?tab=connection");
        List<String> rows = view.links.stream().map(HealthViewTest::allText).toList();
        assertThat(rows.get(0)).isEqualTo("c-failing-" + suffix + " Failing The access token has expired"
                + " Failing since 2030-03-01 07:00 UTC (3 h ago) Last checked 2030-03-01 09:00 UTC (1 h ago)"
                + " Token expires in 4 days (2030-03-05)");
        assertThat(rows.get(1)).isEqualTo("b-warning-" + suffix + " Warning Connected to contoso, but the token"
                + " cannot write code Last checked 2030-03-01 09:40 UTC (20 min ago)");
        assertThat(rows.get(2)).isEqualTo("a-never-" + suffix + " Never tested No stored test yet"
                + " Never tested; added just now");

        // how long ago follows the application clock
        clock.advance(Duration.ofDays(2));
        UI.getCurrent().navigate("integrations");
        HealthView later = navigate(HealthView.class);
        assertThat(allText(later.links.getFirst())).contains("Failing since 2030-03-01 07:00 UTC (2 days ago)",
                "Token expires in 2 days (2030-03-05)", "Not checked recently");
        assertThat(count(later, "stale")).as("the warning, the failure and the connected one are older than 12 h now").isEqualTo("3");
    }

    /** Issue 12: an SSH key added almost a year ago is named as the key, a token as the token. */
    @Test
    void anExpiringSshKeyIsWordedAsTheKeyAndATokenAsTheToken() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // added on 2029-03-06: Azure DevOps expires it on 2030-03-06, 5 days after the clock's today
        IntegrationDetail key = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data("a-key-"
                + suffix), LocalDate.parse("2029-03-06"));
        IntegrationDetail token = saved("b-token-" + suffix, LocalDate.parse("2030-03-06"));
        stored(key, Duration.ofHours(1), "CONNECTED", "CONNECTED");
        stored(token, Duration.ofHours(1), "CONNECTED", "CONNECTED");

        HealthView view = navigate(HealthView.class);
        assertThat(count(view, "expiring")).isEqualTo("2");
        assertThat(allText(view.links.get(0))).startsWith("a-key-" + suffix + " SSH key expiring")
                .endsWith("SSH key expires in 5 days (2030-03-06)");
        assertThat(allText(view.links.get(1))).startsWith("b-token-" + suffix + " Token expiring")
                .endsWith("Token expires in 5 days (2030-03-06)");
    }

    @Test
    void whenNothingNeedsAttentionItSaysAllIsWellAndWhenTheNewestTestRan() {
        IntegrationDetail a = saved("ok-a-" + UUID.randomUUID().toString().substring(0, 6), null);
        IntegrationDetail b = saved("ok-b-" + UUID.randomUUID().toString().substring(0, 6), null);
        stored(a, Duration.ofHours(2), "CONNECTED", "CONNECTED");
        stored(b, Duration.ofMinutes(30), "CONNECTED", "CONNECTED");

        HealthView view = navigate(HealthView.class);
        assertThat(view.links).isEmpty();
        assertThat(view.emptyState).isNotNull();
        assertThat(allText(view.emptyState)).isEqualTo("All is well No enabled integration needs attention."
                + " The newest test ran 2030-03-01 09:30 UTC (30 min ago).");
        for (String id : List.of("failing", "warning", "expiring", "never-tested", "stale")) {
            assertThat(count(view, id)).as(id).isEqualTo("0");
        }
    }

    @Test
    void beyondAHundredRowsItSaysHowManyMoreAndWhereToFindThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        for (int n = 0; n < HealthService.MAX_ROWS + 2; n++) {
            saved("many-" + (1000 + n) + "-" + suffix, null);
        }
        HealthView view = navigate(HealthView.class);
        assertThat(count(view, "never-tested")).isEqualTo(String.valueOf(HealthService.MAX_ROWS + 2));
        assertThat(view.links).hasSize(HealthService.MAX_ROWS);
        assertThat(allText(view.links.getFirst())).startsWith("many-1000-" + suffix);
        Component more = view.getChildren().filter(c -> c.getId().orElse("").equals("health-more")).findFirst()
                .orElseThrow();
        assertThat(allText(more)).isEqualTo("and 2 more: the Integrations page filters by connection status and by"
                + " Expiring soon.");
    }

    @Test
    void withNothingEnabledItSaysSo() {
        HealthView view = navigate(HealthView.class);
        assertThat(view.emptyState).isNotNull();
        assertThat(allText(view.emptyState)).contains("No integration is enabled");
    }

    /** The navigation's Health entry: the count of failing integrations, read again once it is 15 s old. */
    Optional<Span> navBadge() {
        return descendants(UI.getCurrent()).filter(c -> c instanceof Span sp && sp.hasClassName("nav-badge"))
                .map(Span.class::cast).findFirst();
    }

    static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(HealthViewTest::descendants));
    }

    @Test
    void theNavigationShowsHowManyIntegrationsAreFailingAndFollowsNewResults() {
        IntegrationDetail a = saved("nav-a-" + UUID.randomUUID().toString().substring(0, 6), null);
        IntegrationDetail b = saved("nav-b-" + UUID.randomUUID().toString().substring(0, 6), null);
        stored(a, Duration.ofMinutes(5), "FAILED", "azure_devops:TOKEN_EXPIRED");
        stored(b, Duration.ofMinutes(5), "FAILED", "azure_devops:TOKEN_EXPIRED");
        clock.advance(Duration.ofMinutes(1));
        navigate(HealthView.class);
        Span badge = navBadge().orElseThrow();
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("2");
        assertThat(badge.getElement().getAttribute("aria-label")).isEqualTo("2 integrations failing");

        now = clock.instant();
        stored(b, Duration.ZERO, "CONNECTED", "CONNECTED");
        clock.advance(Duration.ofSeconds(16));
        navigate(HealthView.class);
        assertThat(navBadge().orElseThrow().getText()).isEqualTo("1");

        now = clock.instant();
        stored(a, Duration.ZERO, "CONNECTED", "CONNECTED");
        clock.advance(Duration.ofSeconds(16));
        navigate(HealthView.class);
        assertThat(navBadge().orElseThrow().isVisible()).as("nothing failing: no badge").isFalse();
    }

    @Test
    void thePageSaysHowOftenIntegrationsAreReTestedAndWhenTheNewestScheduledReCheckFinished() {
        Instant finished = clock.instant().minus(Duration.ofMinutes(42));
        jdbc.update("DELETE FROM scheduled_tasks");
        HealthView view = navigate(HealthView.class);
        assertThat(view.schedule.getText()).as("the test suite turns the scheduler off")
                .startsWith("Scheduled re-checks are off on this instance");

        assertThat(HealthView.schedule(new HealthReport.Schedule(true, Duration.ofHours(6), null), clock.instant()))
                .isEqualTo("Every enabled integration is re-tested every 6 hours, each at its own time within that"
                        + " interval. No scheduled re-check has finished yet.");
        assertThat(HealthView.schedule(new HealthReport.Schedule(true, Duration.ofHours(6), finished),
                clock.instant())).endsWith("The newest scheduled re-check finished 2030-03-01 09:18 UTC (42 min ago).");
    }
}
