package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The Connection tab with stored results (docs/product.md 7): the ladder of the last diagnosis (status, duration,
 * message of each step; the first failure marked; skipped steps with their message), the history paged and
 * filtered by outcome from the database, a row's ladder, the chart, and what a viewer sees (no Run diagnostics).
 */
@SpringBootTest
class ConnectionTabViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckRecordStore store;

    static final String PROJECTS = "https://dev.azure.com/contoso/_apis/projects?$top=1&api-version=7.1";

    IntegrationDetail integration() {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "tab")));
    }

    ConnectionPanel open(IntegrationDetail d) {
        IntegrationDetailView view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        test($(TabSheet.class).single()).select("Connection");
        roundTrip();
        return view.connectionPanel;
    }

    static CheckRecord record(UUID integration, Instant at, CheckCategory category, List<CheckStep> steps,
            HttpDetails decisive) {
        return new CheckRecord(UUID.randomUUID(), integration, at, CheckTrigger.MANUAL, "tab-editor", category,
                steps.stream().mapToLong(CheckStep::durationMillis).sum(), "contoso", null, null, null, null, null,
                steps, decisive);
    }

    static List<CheckStep> expiredLadder() {
        HttpDetails projects = new HttpDetails("GET", PROJECTS, 401, "application/json",
                "Access Denied: The Personal Access Token used has expired.", "a7c1d2e3-0000-4000-8000-00000000abcd",
                null, null, null);
        return List.of(
                new CheckStep("Local checks", StepStatus.PASSED, "Organization name and token format are valid.", 0,
                        null),
                new CheckStep("Organization", StepStatus.PASSED, "Organization contoso exists.", 35, null),
                new CheckStep("Identity", StepStatus.WARNING, "Could not ask who the token belongs to.", 40, null),
                new CheckStep("Authentication and Project read", StepStatus.FAILED, "The access token has expired",
                        377, projects),
                CheckStep.skipped("Code read", "Not reached"),
                new CheckStep("Token expiry", StepStatus.FAILED, "A later failure is not the first.", 2, null),
                CheckStep.skipped("Code write", "Not reached"));
    }

    @Test
    @WithMockUser(username = "tab-link-viewer", roles = "VIEWER")
    void theHealthPagesLinkWithTabConnectionOpensTheConnectionTab() {
        IntegrationDetail d = integration();
        UI.getCurrent().navigate("integrations/" + d.id(), QueryParameters.of("tab", "connection"));
        assertThat($(TabSheet.class).single().getSelectedTab().getLabel()).isEqualTo("Connection");
        navigate("integrations/" + d.id(), IntegrationDetailView.class);
        assertThat($(TabSheet.class).single().getSelectedTab().getLabel()).as("without it: the Overview")
                .isEqualTo("Overview");
    }

    @Test
    @WithMockUser(username = "tab-ladder", roles = "EDITOR")
    void theLadderShowsEachStepInOrderWithStatusDurationAndMessageAndMarksTheFirstFailure() {
        IntegrationDetail d = integration();
        List<CheckStep> steps = expiredLadder();
        store.insert(record(d.id(), Instant.parse("2026-12-05T10:15:00Z"), CheckCategory.TOKEN_EXPIRED, steps,
                steps.get(3).http()));
        ConnectionPanel panel = open(d);

        assertThat(ConnectionTab.rungs(panel.ladder)).containsExactly(
                "Passed | Local checks | 0 ms | Organization name and token format are valid.",
                "Passed | Organization | 35 ms | Organization contoso exists.",
                "Warning | Identity | 40 ms | Could not ask who the token belongs to.",
                "Failed | Authentication and Project read | 377 ms | The access token has expired | FIRST FAILURE",
                "Skipped | Code read |  | Not reached",
                "Failed | Token expiry | 2 ms | A later failure is not the first.",
                "Skipped | Code write |  | Not reached");
        assertThat(panel.ladderTitle.getText()).isEqualTo("Last diagnosis");
        assertThat(panel.ladder.headline.getText()).isEqualTo("The access token has expired");
        assertThat(panel.ladder.facts.getText()).isEqualTo("2026-12-05 10:15 UTC · Manual · tab-editor · 454 ms");
        assertThat(panel.ladder.getElement().getAttribute("data-state")).isEqualTo("failed");
        String all = ConnectionIndicatorViewTest.allText(panel.ladder);
        assertThat(all).contains("HTTP status", "401", "Azure DevOps message",
                "Access Denied: The Personal Access Token used has expired.", "a7c1d2e3-0000-4000-8000-00000000abcd",
                "GET " + PROJECTS + " → 401");
    }

    @Test
    @WithMockUser(username = "tab-empty", roles = "VIEWER")
    void anIntegrationWithoutTestsSaysSoAndTheViewerHasNoRunDiagnostics() {
        ConnectionPanel panel = open(integration());
        assertThat(panel.diagnostics.isVisible()).isFalse();
        assertThat(panel.ladder.headline.getText()).isEqualTo("This integration has not been tested yet.");
        assertThat(panel.copy.isEnabled()).isFalse();
        assertThat(panel.chart.svg.isVisible()).isFalse();
        assertThat(panel.chart.summary.getText()).isEqualTo("No tests in the last 30 days.");
        assertThat(panel.history.range.getText()).isEqualTo("No tests yet");
        assertThat(panel.history.grid.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "tab-editor-sees", roles = "EDITOR")
    void anEditorHasRunDiagnostics() {
        ConnectionPanel panel = open(integration());
        assertThat(panel.diagnostics.isVisible()).isTrue();
        assertThat(panel.diagnostics.run.getText()).isEqualTo("Run diagnostics");
        assertThat(panel.ladder.headline.getText()).isEqualTo("This integration has not been tested yet."
                + " Run diagnostics tests it now.");
    }

    @Test
    @WithMockUser(username = "tab-pages", roles = "VIEWER")
    void theHistoryIsPagedAndFilteredByOutcomeAndARowShowsItsLadder() {
        IntegrationDetail d = integration();
        Instant t0 = Instant.now().minusSeconds(3_600L * 24 * 3);
        for (int i = 0; i < 45; i++) {
            CheckCategory c = i % 4 == 0 ? CheckCategory.TOKEN_EXPIRED : CheckCategory.CONNECTED;
            store.insert(record(d.id(), t0.plusSeconds(60L * i), c, List.of(new CheckStep("Run", c == CheckCategory
                    .CONNECTED ? StepStatus.PASSED : StepStatus.FAILED, "run #" + i, 10 + i, null)), null));
        }
        ConnectionPanel panel = open(d);
        CheckHistory history = panel.history;

        assertThat(history.range.getText()).isEqualTo("1–20 of 45");
        assertThat(test(history.grid).size()).isEqualTo(20);
        assertThat(test(history.grid).getRow(0).steps().getFirst().summary()).isEqualTo("run #44");
        assertThat(history.newer.isEnabled()).isFalse();
        test(history.older).click();
        assertThat(history.range.getText()).isEqualTo("21–40 of 45");
        assertThat(test(history.grid).getRow(0).steps().getFirst().summary()).isEqualTo("run #24");
        test(history.older).click();
        assertThat(history.range.getText()).isEqualTo("41–45 of 45");
        assertThat(test(history.grid).size()).isEqualTo(5);
        assertThat(history.older.isEnabled()).isFalse();
        test(history.newer).click();
        assertThat(history.range.getText()).isEqualTo("21–40 of 45");

        test(history.outcome).selectItem("Failed");
        assertThat(history.range.getText()).as("12 failed: 0, 4, ... 44").isEqualTo("1–12 of 12");
        assertThat(test(history.grid).size()).isEqualTo(12);
        assertThat(test(history.grid).getRow(1).steps().getFirst().summary()).isEqualTo("run #40");
        test(history.outcome).selectItem("Warning");
        assertThat(history.range.getText()).isEqualTo("No warning tests");

        test(history.outcome).selectItem("Failed");
        test(history.grid).clickRow(1);
        assertThat(panel.ladderTitle.getText()).startsWith("Diagnosis of ");
        assertThat(ConnectionTab.rungs(panel.ladder)).containsExactly("Failed | Run | 50 ms | run #40 | FIRST FAILURE");
        assertThat(panel.latest.isVisible()).isTrue();
        test(panel.latest).click();
        assertThat(panel.ladderTitle.getText()).isEqualTo("Last diagnosis");
        assertThat(ConnectionTab.rungs(panel.ladder)).containsExactly("Failed | Run | 54 ms | run #44 | FIRST FAILURE");

        assertThat(panel.chart.svg.isVisible()).isTrue();
        assertThat(panel.chart.summary.getText()).contains("45 tests, 33 connected, 0 warning, 12 failed");
        assertThat(panel.chart.summary.hasClassName("visually-hidden")).isTrue();
    }

    @Test
    @WithMockUser(username = "tab-copy", roles = "VIEWER")
    void copyReportShowsThePlainTextReportOfTheShownDiagnosis() {
        IntegrationDetail d = integration();
        List<CheckStep> steps = expiredLadder();
        store.insert(record(d.id(), Instant.parse("2026-12-05T10:15:00Z"), CheckCategory.TOKEN_EXPIRED, steps,
                steps.get(3).http()));
        ConnectionPanel panel = open(d);
        assertThat(panel.report.isVisible()).isFalse();
        test(panel.copy).click();
        assertThat(panel.report.isVisible()).isTrue();
        assertThat(panel.report.isReadOnly()).isTrue();
        assertThat(panel.report.getValue()).startsWith("InfraKitchen connection report\n")
                .contains("Integration: " + d.data().name(), "Organization: contoso", "Method: PAT",
                        "Console version: development", "  4. Authentication and Project read: failed (377 ms)"
                                + " - The access token has expired", "ActivityId: a7c1d2e3-0000-4000-8000-00000000abcd");
    }
}
