package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IndicatorPage;
import com.infrakitchen.console.support.NetworkRecorder;
import com.infrakitchen.console.support.SetupFormPage;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Test Connection in a real browser against the fake Azure DevOps: a valid token shows Connected, an
 * expired one the expired headline, a misspelled organization the organization headline with the guide's
 * hint; editing the token afterwards shows Outdated. No token typed ever comes back in a response or a push
 * frame. Screenshots of each state land in target/screenshots.
 */
@BrowserTest
class TestConnectionE2E {

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();
    private BrowserSession browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private SetupFormPage form;
    private IndicatorPage indicator;
    private String password;

    @BeforeEach
    void setUp(BrowserSession browser, E2eUsers users) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = browser.waiting();
        this.form = new SetupFormPage(browser);
        this.indicator = new IndicatorPage(browser);
        this.password = users.ensure("tess.tester", "EDITOR");
    }

    @Test
    void validExpiredAndMisspelledAreToldApartBeforeSavingAndAnEditMakesTheResultOutdated() throws Exception {
        try (NetworkRecorder recorder = new NetworkRecorder(driver)) {
            browser.signIn("tess.tester", password);
            browser.waitForUrl("/integrations");
            form.open();
            assertThat(indicator.state()).isEqualTo("NOT_TESTED");
            String name = "tc-e2e-" + Long.toString(System.nanoTime() % 100_000, 36);
            form.typeName(name);
            form.typeOrganization("contoso");
            form.typeToken(FakeTokens.PAT_FULL);
            Browser.screenshot(driver, "20-test-not-tested");

            fake.setDelay(Duration.ofMillis(1500));
            form.pressTestConnection();
            indicator.awaitState("TESTING");
            indicator.awaitElapsed();
            Browser.screenshot(driver, "21-test-testing");
            indicator.awaitState("CONNECTED");
            assertThat(indicator.headline()).isEqualTo("Connected as Alice");
            Browser.screenshot(driver, "22-test-connected");
            fake.setDelay(Duration.ZERO);

            form.typeToken(FakeTokens.PAT_EXPIRED);
            indicator.awaitState("OUTDATED");
            assertThat(indicator.headline()).isEqualTo("Changed since the last test");
            Browser.screenshot(driver, "23-test-outdated");

            form.pressTestConnection();
            indicator.awaitState("FAILED");
            assertThat(indicator.headline()).isEqualTo("The access token has expired");
            indicator.openDetails();
            browser.waitForText("Access Denied: The Personal Access Token used has expired.");
            Browser.screenshot(driver, "24-test-expired-details");

            form.typeToken(FakeTokens.PAT_FULL);
            form.typeOrganization("contosoo");
            form.pressTestConnection();
            wait.until(d -> "FAILED".equals(indicator.state()) && indicator.headline().contains("contosoo"));
            assertThat(indicator.headline()).isEqualTo("Organization 'contosoo' was not found");
            assertThat(indicator.hint()).contains(CheckCategory.GUIDE_ORGANIZATION_HINT);
            Browser.screenshot(driver, "25-test-wrong-organization");

            form.typeToken(FakeTokens.PAT_CODE_READ);
            indicator.awaitState("OUTDATED");
            Browser.screenshot(driver, "26-test-outdated-after-token-edit");

            // Save with a working token, test again on the detail page: the result is stored and shown.
            form.typeToken(FakeTokens.PAT_FULL);
            form.typeOrganization("contoso");
            form.saveAndAwaitDetail();
            indicator.awaitState("NOT_TESTED");
            form.pressTestConnection();
            indicator.awaitState("CONNECTED");
            Browser.screenshot(driver, "27-detail-connected");
            browser.click(By.xpath("//vaadin-tab[normalize-space()='Connection']"));
            browser.waitForText("Last diagnosis");
            browser.waitForText("Authentication and Project read");
            Browser.screenshot(driver, "28-detail-connection-tab");
            browser.open("/integrations?q=" + name);
            browser.waitForText(name);
            browser.waitForText("checked");
            Browser.screenshot(driver, "29-grid-connection-column");

            for (String token : FakeTokens.ALL_PATS) {
                assertThat(recorder.sawText(token)).as("a token in a response or push frame").isFalse();
            }
            assertThat(recorder.sawText("Connected as Alice")).as("the recorder sees the pushed results").isTrue();
        }
    }
}
