package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every state of the Test Connection indicator (docs/product.md 5.1) in the setup form and on the detail page,
 * with the real check against the shared fake Azure DevOps: Not tested, Testing (elapsed, Cancel),
 * Connected, Warning, Failed (headline, hint, details), Outdated, and Cancel.
 */
@SpringBootTest
class ConnectionIndicatorViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    IntegrationSetupView setup(String org, String token) {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        test(view.form.name).setValue("ind-" + UUID.randomUUID().toString().substring(0, 8));
        test(view.form.organization).setValue(org);
        test(view.form.token.input).setValue(token);
        return view;
    }

    /** Clicks Test Connection and lets the pushed result arrive. */
    void testAndWait(ConnectionTestControl control) {
        test(control.test).click();
        waitForResult(control);
    }

    /** Runs what background threads queued with UI.access (server push), as the next request would. */
    static void runPushedUpdates() {
        PushedResults.runPushedUpdates(SpringBrowserlessTest::roundTrip);
    }

    void waitForResult(ConnectionTestControl control) {
        PushedResults.awaitResult(control, SpringBrowserlessTest::roundTrip);
    }

    static String allText(Component c) {
        if (c instanceof Text t) {
            return t.getText();
        }
        String own = c.getElement().getText();
        return own + " " + c.getChildren().map(ConnectionIndicatorViewTest::allText).collect(Collectors.joining(" "));
    }

    @Test
    @WithMockUser(username = "ind-nottested", roles = "EDITOR")
    void beforeAnyTestTheIndicatorSaysNotTested() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        assertThat(view.connection.indicator.state()).isEqualTo(State.NOT_TESTED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Not tested yet");
        assertThat(view.connection.test.getText()).isEqualTo("Test Connection");
    }

    @Test
    @WithMockUser(username = "ind-connected", roles = "EDITOR")
    void validTokenShowsTestingThenConnectedAsTheUserWithCountsAndDuration() {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_FULL);
        fake.setDelay(Duration.ofMillis(300));
        test(view.connection.test).click();
        assertThat(view.connection.indicator.state()).isEqualTo(State.TESTING);
        assertThat(view.connection.indicator.summary.getText()).endsWith("s elapsed");
        assertThat(view.connection.indicator.cancel.isVisible()).isTrue();
        assertThat(view.connection.test.isEnabled()).as("one test at a time").isFalse();
        assertThat(view.form.name.isReadOnly()).as("the form stays usable").isFalse();
        waitForResult(view.connection);

        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Connected as Alice");
        assertThat(view.connection.indicator.summary.getText()).matches("\\d+ projects?, \\d+ repositor(y|ies) · [0-9.]+ m?s");
        assertThat(view.connection.test.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "ind-expired", roles = "EDITOR")
    void expiredTokenFailsWithTheExpiredHeadlineTheGuideHintAndDetails() {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_EXPIRED);
        testAndWait(view.connection);
        ConnectionIndicator indicator = view.connection.indicator;
        assertThat(indicator.state()).isEqualTo(State.FAILED);
        assertThat(indicator.headline.getText()).isEqualTo("The access token has expired");
        String text = allText(indicator);
        assertThat(text).contains(CheckCategory.GUIDE_TOKEN_HINT)
                .contains("HTTP status").contains("401")
                .contains("Access Denied: The Personal Access Token used has expired.")
                .contains("ActivityId").contains("/contoso/_apis/projects")
                .doesNotContain(FakeTokens.PAT_EXPIRED);
    }

    @Test
    @WithMockUser(username = "ind-wrongorg", roles = "EDITOR")
    void misspelledOrganizationFailsWithTheOrganizationHeadlineAndTheGuideHint() {
        IntegrationSetupView view = setup("contosoo", FakeTokens.PAT_FULL);
        testAndWait(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.FAILED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Organization 'contosoo' was not found");
        assertThat(allText(view.connection.indicator)).contains(CheckCategory.GUIDE_ORGANIZATION_HINT);
    }

    @Test
    @WithMockUser(username = "ind-warning", roles = "EDITOR")
    void readOnlyTokenIsAWarningNotAGreenTick() {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_CODE_READ);
        testAndWait(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.WARNING);
        assertThat(view.connection.indicator.headline.getText()).contains("cannot write code");
    }

    @Test
    @WithMockUser(username = "ind-outdated", roles = "EDITOR")
    void editingTheTokenOrOrganizationMarksTheResultOutdatedAndRestoringShowsItAgain() {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_FULL);
        testAndWait(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);

        test(view.form.token.input).setValue(FakeTokens.PAT_EXPIRED);
        assertThat(view.connection.indicator.state()).isEqualTo(State.OUTDATED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Changed since the last test");

        test(view.form.token.input).setValue(FakeTokens.PAT_FULL);
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);

        test(view.form.organization).setValue("fabrikam");
        assertThat(view.connection.indicator.state()).isEqualTo(State.OUTDATED);
        // name and description are not part of the test
        test(view.form.organization).setValue("contoso");
        test(view.form.description).setValue("changed");
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);
    }

    @Test
    @WithMockUser(username = "ind-midway", roles = "EDITOR")
    void aResultThatArrivesAfterTheValuesChangedIsShownAsOutdated() {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_FULL);
        fake.setDelay(Duration.ofMillis(400));
        test(view.connection.test).click();
        test(view.form.token.input).setValue(FakeTokens.PAT_EXPIRED);
        waitForResult(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.OUTDATED);
    }

    @Test
    @WithMockUser(username = "ind-cancel", roles = "EDITOR")
    void cancelStopsTheTestAndNothingIsConcluded() throws Exception {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_FULL);
        fake.setChaos(FakeAzureDevOps.Chaos.STALL);
        test(view.connection.test).click();
        var run = view.connection.running();
        assertThat(view.connection.indicator.state()).isEqualTo(State.TESTING);
        test(view.connection.indicator.cancel).click();
        assertThat(view.connection.indicator.state()).isEqualTo(State.NOT_TESTED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Test cancelled");
        assertThat(run.result().get(5, java.util.concurrent.TimeUnit.SECONDS).category())
                .isEqualTo(CheckCategory.CANCELLED);
        runPushedUpdates();
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("Test cancelled");
        assertThat(view.connection.test.isEnabled()).isTrue();
    }

    @Test
    @WithMockUser(username = "ind-leave", roles = "EDITOR")
    void leavingThePageCancelsTheTest() throws Exception {
        IntegrationSetupView view = setup("contoso", FakeTokens.PAT_FULL);
        fake.setChaos(FakeAzureDevOps.Chaos.STALL);
        test(view.connection.test).click();
        var run = view.connection.running();
        navigate(IntegrationsView.class);
        assertThat(run.result().get(5, java.util.concurrent.TimeUnit.SECONDS).category())
                .isEqualTo(CheckCategory.CANCELLED);
    }

    @Test
    @WithMockUser(username = "ind-detail", roles = "EDITOR")
    void detailPageTestsTheStoredTokenStoresTheResultAndTheGridShowsIt() {
        IntegrationDetail d = As.user("ind-detail", "EDITOR", () -> integrations.create(new IntegrationData(
                "ind-det-" + UUID.randomUUID().toString().substring(0, 6), "", List.of(), "contoso"), IntegrationFixtures.pat(FakeTokens.PAT_FULL)));
        IntegrationDetailView view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        assertThat(view.connection.indicator.state()).isEqualTo(State.NOT_TESTED);
        testAndWait(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);

        IntegrationsView grid = navigate(IntegrationsView.class);
        test(grid.search).setValue(d.data().name());
        roundTrip();
        assertThat(GridRows.connectionText(grid, 0)).contains("Connected").contains("checked");
    }

    @Test
    @WithMockUser(username = "ind-viewer", roles = "VIEWER")
    void viewerSeesTheStoredResultAndNoTestButton() throws Exception {
        IntegrationDetail d = As.user("ind-setup", "EDITOR", () -> integrations.create(new IntegrationData(
                "ind-view-" + UUID.randomUUID().toString().substring(0, 6), "", List.of(), "contoso"), IntegrationFixtures.pat(FakeTokens.PAT_EXPIRED)));
        As.user("ind-setup2", "EDITOR", () -> {
            try {
                return checksOf().test(TestRequest.ofStored(d.id())).result().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        IntegrationDetailView view = navigate("integrations/" + d.id(), IntegrationDetailView.class);
        roundTrip();
        assertThat(view.connection.test.isVisible()).isFalse();
        assertThat(view.connection.indicator.state()).isEqualTo(State.FAILED);
        assertThat(view.connection.indicator.headline.getText()).isEqualTo("The access token has expired");
    }

    @Autowired
    com.infrakitchen.console.integration.check.CheckService checks;

    com.infrakitchen.console.integration.check.CheckService checksOf() {
        return checks;
    }

}
