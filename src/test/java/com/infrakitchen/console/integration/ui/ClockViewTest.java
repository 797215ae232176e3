package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.StoredChecks;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the screens say about time, on a clock the test moves ({@link ClockControlled}): the grid's Token expiry
 * column as the clock crosses the expiry date (docs/product.md 6; a warning from 14 days ahead, as the check
 * warns), the Connection column's "checked … ago" as the clock advances, and the seconds a running test counts
 * up on the setup form. Each assertion fails when the screen takes its "now" from anywhere but the application
 * clock, or when the rule it shows is removed.
 */
@ClockControlled
class ClockViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    MutableClock clock;
    @Autowired
    CheckRecordStore checks;
    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @BeforeEach
    void startTheClock() {
        clock.set(ClockControlled.Beans.START);
    }

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    /** The grid as a link (or a reload) shows it, searched down to one integration. */
    private IntegrationsView gridOf(String name) {
        UI.getCurrent().navigate("integrations", QueryParameters.simple(Map.of("q", name)));
        IntegrationsView view = $(IntegrationsView.class).single();
        assertThat(test(view.grid).size()).as("rows for %s", name).isEqualTo(1);
        return view;
    }

    private static String allText(Component c) {
        if (c instanceof Text t) {
            return t.getText();
        }
        return (c.getElement().getText() + " " + c.getChildren().map(ClockViewTest::allText)
                .collect(Collectors.joining(" "))).strip();
    }

    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void theTokenExpiryBadgeCountsTheDaysDownWarnsFromFourteenDaysAndTurnsExpiredAfterTheDay() {
        String name = IntegrationFixtures.uniqueName("expiry");
        IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name), IntegrationFixtures.fakeToken(),
                LocalDate.parse("2030-03-20"));

        // the day changes at midnight UTC; the badge follows CredentialExpiry's levels: none, "badge warning" (14
        // days or less) or "badge error" (7 days or less, the last day, and once expired); the date is in the tooltip
        Map<String, String[]> expected = new LinkedHashMap<>();
        expected.put("2030-03-01T10:00:00Z", new String[] {"in 19 days", null});
        expected.put("2030-03-05T23:59:59Z", new String[] {"in 15 days", null});
        expected.put("2030-03-06T00:00:00Z", new String[] {"in 14 days", "badge warning"});
        expected.put("2030-03-12T23:59:59Z", new String[] {"in 8 days", "badge warning"});
        expected.put("2030-03-13T00:00:00Z", new String[] {"in 7 days", "badge error"});
        expected.put("2030-03-14T00:00:00Z", new String[] {"in 6 days", "badge error"});
        expected.put("2030-03-19T12:00:00Z", new String[] {"tomorrow", "badge error"});
        expected.put("2030-03-20T00:00:00Z", new String[] {"today", "badge error"});
        expected.put("2030-03-20T23:59:59Z", new String[] {"today", "badge error"});
        expected.put("2030-03-21T00:00:00Z", new String[] {"expired 1 day ago", "badge error"});
        expected.put("2030-03-23T09:00:00Z", new String[] {"expired 3 days ago", "badge error"});
        expected.forEach((now, badge) -> {
            clock.set(Instant.parse(now));
            Badge cell = GridRows.expiry(gridOf(name), 0);
            assertThat(cell.text()).as("at %s", now).isEqualTo(badge[0]);
            assertThat(cell.theme()).as("badge at %s", now).isEqualTo(badge[1]);
            assertThat(cell.title()).as("tooltip at %s", now).endsWith("on 2030-03-20");
        });
    }

    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void expiringSoonInTheUrlSelectsTheFilterAndCountsFourteenDaysFromTheClocksToday() {
        String name = IntegrationFixtures.uniqueName("expiring");
        IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name), IntegrationFixtures.fakeToken(),
                LocalDate.parse("2030-03-20"));
        Map<String, String> query = Map.of("q", name, "expiring", "true");

        clock.set(Instant.parse("2030-03-05T12:00:00Z")); // 15 days ahead: not yet
        UI.getCurrent().navigate("integrations", QueryParameters.simple(query));
        IntegrationsView view = $(IntegrationsView.class).single();
        assertThat(view.expiringFilter.getValue()).isTrue();
        assertThat(view.noMatches.isVisible()).isTrue();

        // 14 days ahead, the day itself, long expired
        for (String now : new String[] {"2030-03-06T00:00:00Z", "2030-03-20T12:00:00Z", "2031-01-01T00:00:00Z"}) {
            clock.set(Instant.parse(now));
            UI.getCurrent().navigate("integrations", QueryParameters.simple(query));
            view = $(IntegrationsView.class).single();
            assertThat(test(view.grid).size()).as("at %s", now).isEqualTo(1);
        }
        test(view.expiringFilter).click(); // unticked: the row stays
        assertThat(view.expiringFilter.getValue()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void anSshKeyCountsDownToAYearAfterItWasAddedAndExpiringSoonFindsItFromFourteenDaysAhead() {
        String name = IntegrationFixtures.uniqueName("ssh-expiry");
        // added on 2029-03-20: Azure DevOps expires it on 2030-03-20
        IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(name), LocalDate.parse("2029-03-20"));
        Map<String, String> expiring = Map.of("q", name, "expiring", "true");

        Map<String, String[]> expected = new LinkedHashMap<>();
        expected.put("2030-03-05T23:59:59Z", new String[] {"in 15 days", null, "0"});
        expected.put("2030-03-06T00:00:00Z", new String[] {"in 14 days", "badge warning", "1"});
        expected.put("2030-03-13T00:00:00Z", new String[] {"in 7 days", "badge error", "1"});
        expected.put("2030-03-19T12:00:00Z", new String[] {"tomorrow", "badge error", "1"});
        expected.put("2030-03-21T00:00:00Z", new String[] {"expired 1 day ago", "badge error", "1"});
        expected.forEach((now, badge) -> {
            clock.set(Instant.parse(now));
            Badge cell = GridRows.expiry(gridOf(name), 0);
            assertThat(cell.text()).as("at %s", now).isEqualTo(badge[0]);
            assertThat(cell.theme()).as("badge at %s", now).isEqualTo(badge[1]);
            assertThat(cell.title()).as("tooltip at %s", now)
                    .startsWith("SSH key expire").endsWith("on 2030-03-20 (added on 2029-03-20)");
            UI.getCurrent().navigate("integrations", QueryParameters.simple(expiring));
            IntegrationsView view = $(IntegrationsView.class).single();
            assertThat(Integer.toString(test(view.grid).size())).as("Expiring soon at %s", now).isEqualTo(badge[2]);
        });
    }

    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void anSshKeyWithoutKeyAddedOnSaysNotEnteredAndIsNeverExpiringSoon() {
        String name = IntegrationFixtures.uniqueName("ssh-unknown");
        IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(name), null);
        clock.advance(Duration.ofDays(3650));
        Badge cell = GridRows.expiry(gridOf(name), 0);
        assertThat(cell.text()).isEqualTo("Not entered");
        assertThat(cell.className()).isEqualTo("muted");
        UI.getCurrent().navigate("integrations", QueryParameters.simple(Map.of("q", name, "expiring", "true")));
        assertThat(test($(IntegrationsView.class).single().grid).size()).isZero();
    }

    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void anIntegrationWithoutAnExpiryDateSaysNotEnteredWhateverTheDate() {
        String name = IntegrationFixtures.uniqueName("no-expiry");
        IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name));
        clock.advance(Duration.ofDays(3650));
        Badge cell = GridRows.expiry(gridOf(name), 0);
        assertThat(cell.text()).isEqualTo("Not entered");
        assertThat(cell.theme()).isNull();
        assertThat(cell.title()).isNull();
        assertThat(cell.className()).isEqualTo("muted");
    }

    /** The Overview says since when the stored outcome holds (the stored connection status, decision 0015). */
    @Test
    @WithMockUser(username = "clock-viewer", roles = "VIEWER")
    void theOverviewSaysSinceWhenTheIntegrationHasBeenFailingAndSinceWhenConnectedAgain() {
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("since")), IntegrationFixtures.fakeToken(), null);
        Instant start = ClockControlled.Beans.START;
        Instant setAt = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", OffsetDateTime.class,
                d.id()).toInstant();
        checks.insert(StoredChecks.result(d.id(), start.minus(Duration.ofHours(5)), "CONNECTED", "clock-test", setAt));
        checks.insert(StoredChecks.result(d.id(), start.minus(Duration.ofHours(3)), "azure_devops:TOKEN_EXPIRED",
                "clock-test", setAt));
        checks.insert(StoredChecks.result(d.id(), start.minus(Duration.ofHours(1)), "azure_devops:TOKEN_EXPIRED",
                "clock-test", setAt));
        IntegrationDetailView detail = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        assertThat(detail.connection.indicator.state()).isEqualTo(State.FAILED);
        assertThat(allText(detail.connection.indicator)).contains("Failed since "
                + IntegrationTimes.format(start.minus(Duration.ofHours(3))) + " (3 h ago)");

        checks.insert(StoredChecks.result(d.id(), start.minus(Duration.ofMinutes(2)), "CONNECTED", "clock-test",
                setAt));
        detail = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        assertThat(allText(detail.connection.indicator)).contains("Connected since "
                + IntegrationTimes.format(start.minus(Duration.ofMinutes(2))) + " (2 min ago)");

        // the Connection tab lists the changes, newest first
        detail.connectionPanel.refresh(d);
        assertThat(detail.connectionPanel.changes.getChildren().map(ClockViewTest::allText)).containsExactly(
                IntegrationTimes.format(start.minus(Duration.ofMinutes(2))) + " Failed → Connected (Test Connection)",
                IntegrationTimes.format(start.minus(Duration.ofHours(3))) + " Connected → Failed (Test Connection)",
                IntegrationTimes.format(start.minus(Duration.ofHours(5))) + " First result: Connected (Test Connection)");
    }

    @Test
    @WithMockUser(username = "clock-editor", roles = "EDITOR")
    void theConnectionColumnSaysHowLongAgoTheStoredTestRanAsTheClockAdvances() {
        String name = IntegrationFixtures.uniqueName("ago");
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name),
                FakeTokens.PAT_FULL, null);
        // the user tests the saved integration on its detail page: the result is stored at the clock's time
        IntegrationDetailView detail = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        test(detail.connection.test).click();
        PushedResults.awaitResult(detail.connection, SpringBrowserlessTest::roundTrip);
        assertThat(detail.connection.indicator.state()).isEqualTo(State.CONNECTED);

        Map<Duration, String> expected = new LinkedHashMap<>();
        expected.put(Duration.ZERO, "checked just now");
        expected.put(Duration.ofSeconds(59), "checked just now");
        expected.put(Duration.ofSeconds(60), "checked 1 min ago");
        expected.put(Duration.ofMinutes(59).plusSeconds(59), "checked 59 min ago");
        expected.put(Duration.ofHours(1), "checked 1 h ago");
        expected.put(Duration.ofHours(47).plusMinutes(59), "checked 47 h ago");
        expected.put(Duration.ofHours(48), "checked 2 days ago");
        expected.put(Duration.ofDays(30), "checked 30 days ago");
        expected.forEach((after, text) -> {
            clock.set(ClockControlled.Beans.START.plus(after));
            assertThat(GridRows.connectionText(gridOf(name), 0)).as("%s after the test", after)
                    .isEqualTo("Connected " + text);
        });
    }

    @Test
    @WithMockUser(username = "clock-tester", roles = "EDITOR")
    void aRunningTestCountsTheSecondsOfTheApplicationClock() throws Exception {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        test(view.form.name).setValue(IntegrationFixtures.uniqueName("elapsed"));
        test(view.form.organization).setValue("contoso");
        test(view.form.token.input).setValue(FakeTokens.PAT_FULL);
        fake.setChaos(FakeAzureDevOps.Chaos.STALL);
        test(view.connection.test).click();
        var run = view.connection.running();
        assertThat(view.connection.indicator.summary.getText()).isEqualTo("0 s elapsed");

        clock.advance(Duration.ofSeconds(7));
        // the indicator ticks once a second (real time), reading the application clock each time
        long deadline = System.nanoTime() + PushedResults.DEFAULT_WAIT.toNanos();
        while (!"7 s elapsed".equals(view.connection.indicator.summary.getText())
                && System.nanoTime() - deadline < 0) {
            PushedResults.runPushedUpdates(SpringBrowserlessTest::roundTrip);
            Thread.sleep(50);
        }
        assertThat(view.connection.indicator.summary.getText()).isEqualTo("7 s elapsed");
        assertThat(view.connection.indicator.state()).isEqualTo(State.TESTING);

        test(view.connection.indicator.cancel).click();
        assertThat(run.result().get(20, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.CANCELLED);
    }
}
