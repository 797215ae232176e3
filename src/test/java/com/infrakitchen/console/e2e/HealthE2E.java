package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.StoredChecks;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /health} on a phone (a 390 px wide viewport): a failing integration with a long name shows its name and
 * status badge without horizontal scrolling, and its row opens the detail page. Other browser tests share the
 * database, so the test finds its row by name.
 */
@BrowserTest
class HealthE2E {

    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckRecordStore checks;

    @Test
    void aFailingIntegrationFitsA390PixelPhoneAndLinksToItsDetail(BrowserSession browser, E2eUsers users)
            throws Exception {
        String password = users.ensure("holly.health", "VIEWER");
        String name = "payments-production-westeurope-" + UUID.randomUUID().toString().substring(0, 6);
        IntegrationDetail d = As.user("e2e-setup", "ADMIN", () -> integrations.create(new IntegrationData(name,
                "Payments", List.of("prod"), "contoso"), IntegrationFixtures.pat(IntegrationFixtures.fakeToken())));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Duration ago : List.of(Duration.ofHours(3), Duration.ofHours(1))) {
            checks.insert(StoredChecks.result(d.id(), now.minus(ago).toInstant(), "azure_devops:TOKEN_EXPIRED", "e2e"));
        }

        ChromeDriver driver = browser.driver();
        browser.open("/login");
        Object frame = driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(390, 844 + ((Number) frame).intValue()));
        browser.signIn("holly.health", password);
        browser.waitForUrl("/integrations");
        browser.open("/health");
        browser.waitForText(name);
        browser.waitForText("Failing since");

        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) driver.executeScript("""
                const row = Array.from(document.querySelectorAll('.health-row'))
                    .find(r => r.textContent.includes(arguments[0]));
                row.scrollIntoView();
                const name = row.querySelector('.health-name').getBoundingClientRect();
                const badge = row.querySelector('.health-badge').getBoundingClientRect();
                return {width: window.innerWidth, page: document.documentElement.scrollWidth,
                        nameRight: name.right, badgeRight: badge.right, badgeText: row.querySelector('.health-badge')
                        .textContent, href: row.getAttribute('href')};
                """, name);
        Browser.screenshot(driver, "70-health-390");
        int width = ((Number) fit.get("width")).intValue();
        assertThat(width).isEqualTo(390);
        assertThat(((Number) fit.get("page")).intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(width);
        assertThat(((Number) fit.get("nameRight")).doubleValue()).as("name inside the viewport")
                .isLessThanOrEqualTo(width);
        assertThat(((Number) fit.get("badgeRight")).doubleValue()).as("badge inside the viewport")
                .isLessThanOrEqualTo(width);
        assertThat(fit.get("badgeText")).isEqualTo("Failing");
        assertThat(fit.get("href")).isEqualTo("integrations/" + d.id());

        driver.executeScript("""
                Array.from(document.querySelectorAll('.health-row'))
                    .find(r => r.textContent.includes(arguments[0])).click();""", name);
        browser.waitForUrl("/integrations/" + d.id());
        browser.waitForText(name);
    }
}
