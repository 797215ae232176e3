package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Repositories tab in Chromium: a viewer opens an integration of bigorg (150 projects), nothing is asked of
 * Azure DevOps until the tab is selected, then the projects come 50 at a time through Load more (the continuation
 * token), the search narrows what is loaded; contoso's repositories show their flags, link and copy buttons.
 * Screenshots: {@code target/screenshots/70a-repositories-bigorg-first-page.png}, {@code 70-…-paged}, {@code
 * 70b-…-searched} and {@code 71-repositories-contoso.png}.
 */
@BrowserTest
class RepositoriesE2E {

    @Autowired
    IntegrationService integrations;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    IntegrationDetail saved(String organization) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "repos-e2e"), organization), FakeTokens.PAT_FULL, null);
    }

    /** Opens the detail page, proves nothing was asked of Azure DevOps, and selects the Repositories tab. */
    void openRepositoriesTab(BrowserSession browser, IntegrationDetail d) {
        fake.awaitRequestsRecorded(Duration.ofSeconds(5));
        int before = fake.requestCount();
        browser.open("/integrations/" + d.id());
        browser.waitForText(d.data().name());
        browser.waitForText("Repositories");
        fake.awaitRequestsRecorded(Duration.ofSeconds(2));
        assertThat(fake.requestCount()).as("nothing is asked at page open").isEqualTo(before);
        browser.click(By.xpath("//vaadin-tab[normalize-space()='Repositories']"));
    }

    static String status(BrowserSession browser) {
        return browser.driver().findElement(By.id("repositories-status")).getText();
    }

    static long gridSize(BrowserSession browser) {
        Object size = browser.driver().executeScript("return document.getElementById('repositories-grid').size;");
        return size instanceof Number n ? n.longValue() : -1;
    }

    @Test
    void aViewerPagesThroughBigorgsHundredAndFiftyProjectsAndSearchesThem(BrowserSession browser, E2eUsers users)
            throws Exception {
        IntegrationDetail d = saved("bigorg");
        browser.signIn("rita.repos", users.ensure("rita.repos", "VIEWER"));
        browser.waitForUrl("/integrations");
        openRepositoriesTab(browser, d);
        var wait = browser.waiting();

        wait.until(x -> status(browser).equals("50 projects, 0 repositories loaded; Azure DevOps has more"));
        assertThat(gridSize(browser)).isEqualTo(50);
        browser.screenshot("70a-repositories-bigorg-first-page");
        browser.click(By.id("repositories-more"));
        wait.until(x -> status(browser).startsWith("100 projects"));
        browser.click(By.id("repositories-more"));
        wait.until(x -> status(browser).equals("150 projects, 0 repositories loaded"));

        assertThat(gridSize(browser)).isEqualTo(150);
        assertThat(browser.driver().findElement(By.id("repositories-more")).isDisplayed()).isFalse();
        assertThat(fake.requests()).filteredOn(c -> c.path().equals("/bigorg/_apis/projects"))
                .extracting(FakeAzureDevOps.RecordedCall::target).containsExactly(
                        "/bigorg/_apis/projects?%24top=50&api-version=7.1",
                        "/bigorg/_apis/projects?%24top=50&continuationToken=50&api-version=7.1",
                        "/bigorg/_apis/projects?%24top=50&continuationToken=100&api-version=7.1");
        // the last page is in the grid: scroll to its end
        browser.driver().executeScript("document.getElementById('repositories-grid').scrollToIndex(149);");
        browser.waitForText("Project 150");
        browser.screenshot("70-repositories-bigorg-paged");

        WebElement search = browser.driver().findElement(By.cssSelector("#repositories-search input"));
        search.sendKeys("Project 14");
        wait.until(x -> gridSize(browser) == 10);
        assertThat(status(browser)).isEqualTo("150 projects, 0 repositories loaded; 10 rows match the search");
        browser.waitForText("Project 149");
        browser.screenshot("70b-repositories-bigorg-searched");
    }

    @Test
    void contosoShowsEmptyAndDisabledRepositoriesWithTheirLinksAndCopyButtons(BrowserSession browser,
            E2eUsers users) throws Exception {
        IntegrationDetail d = saved("contoso");
        browser.signIn("eric.repos", users.ensure("eric.repos", "EDITOR"));
        browser.waitForUrl("/integrations");
        openRepositoriesTab(browser, d);

        browser.waiting().until(x -> status(browser).equals("2 projects, 3 repositories loaded"));
        browser.waitForText("empty-repo");
        String grid = browser.driver().findElement(By.id("repositories-grid")).getText();
        assertThat(grid).contains("web-app").contains("main").contains("2.0 KB").contains("Empty")
                .contains("Disabled").contains("Fabrikam Fiber");
        WebElement open = browser.driver().findElement(By.cssSelector("#repositories-grid a[href$='/_git/web-app']"));
        assertThat(open.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(open.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        browser.click(By.cssSelector("#repositories-grid vaadin-button.copy-https"));
        browser.waitForText("Copied the HTTPS clone URL of web-app");
        browser.screenshot("71-repositories-contoso");
    }
}
