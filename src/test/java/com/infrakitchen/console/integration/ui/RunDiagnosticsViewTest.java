package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.PacedCheckers;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Run diagnostics on the Connection tab with the real checker and the shared fake, its steps paced by the test
 * ({@link PacedCheckers}): the ladder grows a step at a time by server push while Cancel is offered, the result is
 * stored and shown with the history and the Overview's indicator; Cancel stops it and stores nothing; a token a
 * server echoes reaches neither the screen, the database nor the report.
 */
@SpringBootTest
@Import(PacedCheckers.class)
class RunDiagnosticsViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckService checks;

    @AfterEach
    void reset() {
        PacedCheckers.PACE.reset();
        FakeAzureDevOpsInitializer.shared().reset();
    }

    IntegrationDetailView view;

    ConnectionPanel open(String token) {
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("run")), token, null);
        view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        test($(TabSheet.class).single()).select("Connection");
        roundTrip();
        return view.connectionPanel;
    }

    void await(BooleanSupplier done, String what) {
        ConnectionTab.await(done, SpringBrowserlessTest::roundTrip, what);
    }

    @Test
    @WithMockUser(username = "run-progress", roles = "EDITOR")
    void eachStepAppearsAsItCompletesThenTheStoredResultTheHistoryAndTheOverviewShowIt() {
        ConnectionPanel panel = open(FakeTokens.PAT_FULL);
        PacedCheckers.PACE.hold();
        test(panel.diagnostics.run).click();

        assertThat(panel.ladder.headline.getText()).isEqualTo("Running diagnostics…");
        assertThat(panel.ladderTitle.getText()).isEqualTo("Diagnostics");
        assertThat(panel.diagnostics.cancel.isVisible()).isTrue();
        assertThat(panel.diagnostics.run.isEnabled()).as("one run at a time").isFalse();
        assertThat(panel.copy.isEnabled()).isFalse();
        assertThat(ConnectionTab.rungs(panel.ladder)).isEmpty();
        assertThat(ConnectionTab.hasRunningRow(panel.ladder)).isTrue();

        PacedCheckers.PACE.release(1);
        await(() -> ConnectionTab.rungs(panel.ladder).size() == 1, "the first step is shown");
        assertThat(ConnectionTab.rungs(panel.ladder).getFirst()).startsWith("Passed | Local checks |");
        assertThat(ConnectionTab.hasRunningRow(panel.ladder)).as("the next step is running").isTrue();
        assertThat(panel.ladder.facts.getText()).endsWith("1 step done");

        PacedCheckers.PACE.release(2);
        await(() -> ConnectionTab.rungs(panel.ladder).size() == 3, "three steps are shown");
        List<String> partial = ConnectionTab.rungs(panel.ladder);
        assertThat(panel.diagnostics.isRunning()).isTrue();

        PacedCheckers.PACE.reset();
        await(() -> !panel.diagnostics.isRunning(), "the run ends");
        assertThat(panel.ladderTitle.getText()).isEqualTo("Last diagnosis");
        assertThat(panel.ladder.headline.getText()).isEqualTo("Connected as Alice");
        assertThat(ConnectionTab.rungs(panel.ladder)).as("the steps shown while running, then the rest")
                .startsWith(partial.toArray(String[]::new)).hasSizeGreaterThan(3)
                .noneMatch(r -> r.startsWith("Failed | ") || r.startsWith("Warning | "));
        assertThat(ConnectionTab.hasRunningRow(panel.ladder)).isFalse();
        assertThat(panel.diagnostics.cancel.isVisible()).isFalse();
        assertThat(panel.diagnostics.run.isEnabled()).isTrue();
        assertThat(panel.ladder.facts.getText()).contains("Diagnostics · run-progress");
        assertThat(panel.history.range.getText()).isEqualTo("1–1 of 1");
        assertThat(test(panel.history.grid).getRow(0).category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(test(panel.history.grid).getRow(0).trigger()).as("the history says Run diagnostics started it")
                .isEqualTo(CheckTrigger.DIAGNOSTICS);
        assertThat(panel.chart.svg.isVisible()).isTrue();
        assertThat(panel.chart.summary.getText()).contains("1 test, 1 connected, 0 warning, 0 failed");
        assertThat(view.connection.indicator.state()).as("the Overview shows the stored result").isEqualTo(
                State.CONNECTED);
    }

    @Test
    @WithMockUser(username = "run-cancel", roles = "EDITOR")
    void cancelStopsTheRunStoresNothingAndShowsWhatWasShownBefore() throws Exception {
        ConnectionPanel panel = open(FakeTokens.PAT_FULL);
        PacedCheckers.PACE.hold();
        test(panel.diagnostics.run).click();
        CheckRun run = panel.diagnostics.running();
        PacedCheckers.PACE.release(1);
        await(() -> ConnectionTab.rungs(panel.ladder).size() == 1, "the first step is shown");

        test(panel.diagnostics.cancel).click();
        assertThat(run.result().get(20, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.CANCELLED);
        PushedResults.runPushedUpdates(SpringBrowserlessTest::roundTrip);
        assertThat(panel.status.getText()).isEqualTo("Diagnostics cancelled: nothing was concluded.");
        assertThat(panel.ladder.headline.getText()).isEqualTo("This integration has not been tested yet."
                + " Run diagnostics tests it now.");
        assertThat(panel.diagnostics.run.isEnabled()).isTrue();
        assertThat(panel.diagnostics.cancel.isVisible()).isFalse();
        assertThat(panel.history.range.getText()).isEqualTo("No tests yet");
    }

    @Test
    @WithMockUser(username = "run-refused", roles = "EDITOR")
    void aRunRefusedBecauseATestIsRunningSaysSoAndIsNotStored() {
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("run")), FakeTokens.PAT_FULL, null);
        view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        PacedCheckers.PACE.hold();
        test(view.connection.test).click(); // Test Connection on the Overview, held at its first step
        test($(TabSheet.class).single()).select("Connection");
        roundTrip();
        ConnectionPanel panel = view.connectionPanel;
        test(panel.diagnostics.run).click();
        await(() -> !panel.diagnostics.isRunning(), "the refusal arrives");

        assertThat(panel.ladder.headline.getText()).isEqualTo("A test of this integration is already running");
        assertThat(panel.ladder.facts.getText()).contains("not stored");
        assertThat(ConnectionIndicatorViewTest.allText(panel.ladder)).contains(
                "This result was not stored: the test did not run.", "No step ran");
        assertThat(panel.copy.isEnabled()).as("a refusal can be reported too").isTrue();
        PacedCheckers.PACE.reset();
        PushedResults.awaitResult(view.connection, SpringBrowserlessTest::roundTrip);
    }

    @Test
    @WithMockUser(username = "run-echo", roles = "EDITOR")
    void aTokenTheServerEchoesReachesNeitherTheScreenNorTheDatabaseNorTheReport() {
        ConnectionPanel panel = open(FakeTokens.PAT_EXPIRED);
        PacedCheckers.PACE.echoSecret(true);
        test(panel.diagnostics.run).click();
        await(() -> !panel.diagnostics.isRunning(), "the run ends");
        assertThat(panel.ladder.headline.getText()).isEqualTo("The access token has expired");
        assertThat(ConnectionTab.rungs(panel.ladder)).anyMatch(r -> r.startsWith("Failed | ")
                && r.endsWith("FIRST FAILURE"));
        test(panel.copy).click();

        CheckRecord stored = As.user("run-echo", "VIEWER", () -> checks.historyPage(
                panel.history.grid.getListDataView().getItem(0).integrationId(), null, 0, 1)).getFirst();
        assertThat(stored.decisive().serverMessage()).as("the echo arrived, scrubbed")
                .startsWith("TF400813: the credential '[secret removed]' is not authorized");
        String token = FakeTokens.PAT_EXPIRED;
        String basic = FakeTokens.basic(token).substring("Basic ".length());
        List<String> texts = new ArrayList<>(SecretScan.strings(view));
        texts.add(panel.report.getValue());
        texts.add(stored.toString());
        for (String secret : List.of(token, basic)) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 8);
                assertThat(texts).as("a piece of the token").noneMatch(t -> t.contains(piece));
            }
        }
        assertThat(panel.report.getValue()).contains("Azure DevOps message: TF400813: the credential");
    }
}
