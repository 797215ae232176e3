package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.NetworkRecorder;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Connection tab in a real browser after a failed run of Run diagnostics (expired token) and after a successful
 * one, each in the light and the dark theme, with 30 days of earlier results in the chart and the history.
 * Screenshots land in target/screenshots (60-67). Copy report is read back from the clipboard: Chromium headless
 * grants clipboard access through CDP ({@code Browser.grantPermissions}), and what it holds must be the text area's
 * report, without any piece of the token.
 */
@BrowserTest
class ConnectionTabE2E {

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckRecordStore store;

    private BrowserSession browser;
    private ChromeDriver driver;

    @Test
    void afterAFailedAndASuccessfulRunInBothThemesWithTheReportReadBackFromTheClipboard(BrowserSession browser,
            E2eUsers users) throws Exception {
        this.browser = browser;
        this.driver = browser.driver();
        String password = users.ensure("conn.tab", "EDITOR");
        IntegrationDetail expired = integration("ct-expired", FakeTokens.PAT_EXPIRED);
        IntegrationDetail full = integration("ct-connected", FakeTokens.PAT_FULL);
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", browser.baseUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        try (NetworkRecorder recorder = new NetworkRecorder(driver)) {
            browser.signIn("conn.tab", password);
            browser.waitForUrl("/integrations");

            openConnectionTab(expired);
            runDiagnostics("failed");
            assertThat(text("ladder-headline")).isEqualTo("The access token has expired");
            assertThat(driver.findElements(By.cssSelector("#diagnosis-ladder .ladder-step.first-failure")))
                    .hasSize(1);
            browser.click(By.id("copy-report"));
            browser.waitForText("Report copied to the clipboard.");
            String area = (String) driver.executeScript("return document.querySelector('#diagnosis-report').value");
            Object clipboard = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " navigator.clipboard.readText().then(done, e => done('clipboard error: ' + e));");
            assertThat(clipboard).as("the clipboard holds the report shown").isEqualTo(area);
            assertThat(area).contains("Integration: " + expired.data().name(), "Organization: contoso",
                    "Outcome: Failed: The access token has expired", "HTTP status: 401", "ActivityId: ",
                    "URLs called");
            for (int i = 0; i + 8 <= FakeTokens.PAT_EXPIRED.length(); i++) {
                assertThat(area).doesNotContain(FakeTokens.PAT_EXPIRED.substring(i, i + 8));
            }
            shoot("60-connection-failed-light", "61-connection-failed-history-light");
            toggleTheme();
            shoot("62-connection-failed-dark", "63-connection-failed-history-dark");

            openConnectionTab(full);
            runDiagnostics("connected");
            assertThat(text("ladder-headline")).isEqualTo("Connected as Alice");
            shoot("64-connection-connected-dark", "65-connection-connected-history-dark");
            toggleTheme();
            shoot("66-connection-connected-light", "67-connection-connected-history-light");

            for (String token : FakeTokens.ALL_PATS) {
                assertThat(recorder.sawText(token)).as("a token in a response or push frame").isFalse();
            }
        }
    }

    /** An integration saved with {@code token}, with 30 days of stored results behind it. */
    private IntegrationDetail integration(String prefix, String token) {
        IntegrationDetail d = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName(prefix)), token, null);
        Instant now = Instant.now();
        for (int day = 28; day >= 1; day--) {
            int tests = day % 3 == 0 ? 2 : 1;
            for (int t = 0; t < tests; t++) {
                CheckCategory c = day % 9 == 0 ? CheckCategory.TOKEN_REJECTED : day % 7 == 0
                        ? CheckCategory.CODE_WRITE_MISSING : CheckCategory.CONNECTED;
                long ms = 180 + (day * 37L % 200) + t * 90;
                Instant at = now.minusSeconds(86_400L * day + 3_600L * t);
                store.insert(new CheckRecord(UUID.randomUUID(), d.id(), at, CheckTrigger.MANUAL, "earlier-editor", c,
                        ms, "contoso", null, null, null, null, null, List.of(new CheckStep("Authentication and"
                                + " Project read", c == CheckCategory.TOKEN_REJECTED ? StepStatus.FAILED
                                : StepStatus.PASSED, c.headline("contoso"), ms, null)), null));
            }
        }
        return d;
    }

    private void openConnectionTab(IntegrationDetail d) {
        browser.open("/integrations/" + d.id());
        browser.waitForText("Configured on");
        browser.click(By.xpath("//vaadin-tab[normalize-space()='Connection']"));
        browser.waitForText("Last diagnosis");
        browser.waitForText("Test history");
    }

    private void runDiagnostics(String state) {
        browser.click(By.id("run-diagnostics"));
        browser.waiting().until(d -> state.equals(d.findElement(By.id("diagnosis-ladder")).getDomAttribute(
                "data-state")) && d.findElement(By.cssSelector("#diagnosis-ladder .ladder-facts")).getText()
                .contains("Diagnostics · conn.tab"));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void toggleTheme() {
        String before = (String) driver.executeScript("return getComputedStyle(document.documentElement).colorScheme");
        browser.click(By.id("theme-toggle"));
        browser.waiting().until(d -> !before.equals(driver.executeScript(
                "return getComputedStyle(document.documentElement).colorScheme")));
    }

    /** The ladder at the top of the window, then the chart and the history. */
    private void shoot(String ladder, String history) throws Exception {
        driver.executeScript("document.querySelector('vaadin-tabsheet').scrollIntoView({block: 'start'})");
        Thread.sleep(300);
        browser.screenshot(ladder);
        driver.executeScript("document.getElementById('chart-title').scrollIntoView({block: 'start'})");
        Thread.sleep(300);
        browser.screenshot(history);
    }
}
