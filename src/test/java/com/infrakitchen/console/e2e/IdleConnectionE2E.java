package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 9 item 1 as the user met it: test in the form (Connected), Save, wait 6 s (longer than the fake keeps an
 * idle connection: 1 s, as unkind servers and proxies do), Test Connection on the detail page. It used to say
 * "The connection to Azure DevOps was cut"; it must say Connected, and the grid must not show Failed.
 */
@BrowserTest
class IdleConnectionE2E {

    @Test
    void testingOnTheDetailPageSixSecondsAfterSaveIsConnected(BrowserSession browser, E2eUsers users)
            throws Exception {
        assertThat(FakeAzureDevOps.DEFAULT_IDLE_TIMEOUT).isLessThan(Duration.ofSeconds(6));
        var driver = browser.driver();
        var wait = browser.waiting();
        browser.signIn("ida.idle", users.ensure("ida.idle", "EDITOR"));
        browser.waitForUrl("/integrations");
        browser.open("/integrations/azure_devops/setup");
        browser.waitForText("How to connect");
        String name = "idle-e2e-" + Long.toString(System.nanoTime() % 100_000, 36);
        browser.type(By.cssSelector("#integration-name input"), name);
        var org = driver.findElement(By.cssSelector("#integration-organization input"));
        org.sendKeys("contoso", Keys.TAB);
        wait.until(d -> "contoso".equals(org.getDomProperty("value")));
        driver.findElement(By.cssSelector("#token input")).sendKeys(FakeTokens.PAT_FULL, Keys.TAB);

        browser.click(By.id("test-connection"));
        wait.until(d -> "CONNECTED".equals(browser.connectionState()));
        browser.click(By.id("save"));
        wait.until(ExpectedConditions.urlMatches(".*/integrations/[0-9a-f-]{36}$"));
        browser.waitForText("Configured on");

        Thread.sleep(6_000);
        browser.click(By.id("test-connection"));
        wait.until(d -> !"TESTING".equals(browser.connectionState())
                && !"NOT_TESTED".equals(browser.connectionState()));
        com.infrakitchen.console.support.Browser.screenshot(driver, "60-detail-after-idle-pause");
        assertThat(browser.connectionState()).as(browser.connectionHeadline()).isEqualTo("CONNECTED");
        assertThat(browser.connectionHeadline()).isEqualTo("Connected as Alice");

        browser.open("/integrations?q=" + name);
        browser.waitForText(name);
        browser.waitForText("checked");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Failed");
    }
}
