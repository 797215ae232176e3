package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IndicatorPage;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.SetupFormPage;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, item 6, at 1366x900 as a user sees it: the Test Connection result is in view when the test ends; after
 * a label is added with Enter the suggestion overlay is closed (the next click reaches Test Connection); a refused
 * label stays in the input and stops Save; the grid's headers are never cut.
 */
@BrowserTest
class WhereTheUserLooksE2E {

    @Autowired
    IntegrationService integrations;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();
    private BrowserSession browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private SetupFormPage form;
    private IndicatorPage indicator;
    private String password;

    @BeforeEach
    void setUp(BrowserSession browser, E2eUsers users) {
        this.password = users.ensure("wanda.watcher", "EDITOR");
        As.user("e2e-setup", "ADMIN", () -> {
            if (!integrations.nameTaken("platform-payments-production-westeurope", null)) {
                integrations.create(new IntegrationData("platform-payments-production-westeurope",
                        "Payments", List.of("prod", "team-payments", "eu-west"), "contoso-payments-platform"), IntegrationFixtures.pat(FakeTokens.PAT_FULL));
            }
            return null;
        });
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = browser.waiting();
        this.form = new SetupFormPage(browser);
        this.indicator = new IndicatorPage(browser);
        browser.open("/login");
        // a viewport of 1366x900, as the probe's: the window is that plus its own frame
        Object frame = driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(1366, 900 + ((Number) frame).intValue()));
    }

    @Test
    void theGridsHeadersAreNeverCutAt1366Pixels() throws Exception {
        browser.signIn("wanda.watcher", password);
        browser.waitForUrl("/integrations");
        // other test classes may share the database: find the row by search
        browser.open("/integrations?q=platform-payments-production-westeurope");
        browser.waitForText("platform-payments-production-westeurope");
        Browser.screenshot(driver, "59-grid-headers-1366");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> headers = (List<Map<String, Object>>) driver.executeScript("""
                const grid = document.querySelector('#integrations-grid');
                return Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                  .filter(c => c.assignedSlot && c.assignedSlot.parentElement
                      && c.assignedSlot.parentElement.getAttribute('part').includes('header-cell'))
                  .map(c => {
                    const sorter = c.querySelector('vaadin-grid-sorter');
                    const box = sorter ? sorter.shadowRoot.querySelector('[part="content"]') : c;
                    return {text: c.textContent.trim(), scroll: box.scrollWidth, client: box.clientWidth};
                  })
                  .filter(h => h.text.length > 0);
                """);
        assertThat(headers).extracting(h -> h.get("text")).contains("Name", "Method", "Organization", "Labels",
                "Connection", "Token expiry", "Updated", "Status");
        for (Map<String, Object> h : headers) {
            assertThat(((Number) h.get("scroll")).intValue()).as("header %s is cut (%s)", h.get("text"), h)
                    .isLessThanOrEqualTo(((Number) h.get("client")).intValue());
        }
        Object horizontal = driver.executeScript("const t = document.querySelector('#integrations-grid')"
                + ".shadowRoot.querySelector('#table'); return t.scrollWidth - t.clientWidth;");
        assertThat(((Number) horizontal).intValue()).as("the grid needs no horizontal scrolling").isLessThanOrEqualTo(1);
    }

    @Test
    void addingALabelClosesTheOverlayARefusedOneStaysAndStopsSaveAndTheResultIsInView() throws Exception {
        browser.signIn("wanda.watcher", password);
        browser.waitForUrl("/integrations");
        form.open();
        form.typeName("look-" + Long.toString(System.nanoTime() % 100_000, 36));
        form.typeOrganization("contoso");
        form.typeToken(FakeTokens.PAT_FULL);

        // a description over the limit is kept whole and said to be too long (no maxlength cuts it at 500)
        form.typeDescription("d".repeat(520));
        wait.until(d -> form.errorMessage(SetupFormPage.DESCRIPTION)
                .equals("Description has 520 characters; at most 500"));
        assertThat(form.description()).hasSize(520);
        Browser.screenshot(driver, "60-description-too-long-kept");
        form.typeDescription("");
        wait.until(d -> !form.isInvalid(SetupFormPage.DESCRIPTION));

        form.clickLabels();
        form.typeInLabels("pro"); // opens the suggestions (prod is in use)
        wait.until(d -> form.labelsOpen());
        form.typeInLabels("d-x", Keys.ENTER);
        wait.until(d -> form.selectedLabels().contains("prod-x"));
        wait.until(d -> !form.labelsOpen());
        Browser.screenshot(driver, "61-label-added-overlay-closed");

        form.typeInLabels("Foo Bar!", Keys.ENTER);
        wait.until(d -> form.errorMessage(SetupFormPage.LABELS).contains("'Foo Bar!' was not added"));
        wait.until(d -> "Foo Bar!".equals(form.labelText()));
        assertThat(form.labelsOpen()).isFalse();
        assertThat(form.selectedLabels()).containsExactly("prod-x");
        Browser.screenshot(driver, "62-label-refused-kept");

        // Save (the first click, no Escape needed) stops, with the reason next to Labels; the text is still there
        form.save();
        Thread.sleep(1000);
        assertThat(driver.getCurrentUrl()).contains(SetupFormPage.PATH);
        wait.until(d -> form.errorMessage(SetupFormPage.LABELS).contains("'Foo Bar!' was not added"));
        wait.until(d -> "Foo Bar!".equals(form.labelText()));
        Browser.screenshot(driver, "63-save-stopped-by-label");

        // clear it; then Test Connection: the outcome is in view when the test ends
        form.typeInLabels(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        // editing the text opens the suggestions, as any combo box does: Escape closes them
        form.typeInLabels(Keys.ESCAPE);
        wait.until(d -> !form.labelsOpen());
        // where the probe saw it: Test Connection at the bottom edge of the window, the result would open below it
        form.pressTestConnectionAtTheBottomEdge();
        indicator.awaitState("CONNECTED");
        wait.until(d -> indicator.isInView());
        Browser.screenshot(driver, "64-test-result-in-view");
        Object size = driver.executeScript("return window.innerWidth + 'x' + window.innerHeight;");
        assertThat(size).isEqualTo("1366x900");
    }
}
