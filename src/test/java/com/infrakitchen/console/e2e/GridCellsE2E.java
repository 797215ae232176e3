package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.StoredChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integrations grid's cells as the browser renders them (issue 14 made them Lit templates; the markup is the
 * one the components made): the name a link to the detail page the router follows without reloading, the label
 * chips, the Connection, Token expiry and Status badges with their themes and tooltips, and the row's actions menu
 * named "Actions for <name>", opened and used with the keyboard, with Delete for admins only and no menu for a
 * viewer. Screenshots: target/screenshots (80-83).
 */
@BrowserTest
class GridCellsE2E {

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckRecordStore checks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /** The cells of the row whose name link says {@code arguments[0]}, in column order, as the user sees them. */
    private static final String ROW = """
            const grid = document.querySelector('#integrations-grid');
            if (!grid) return null;
            const link = Array.from(grid.querySelectorAll('a.integration-link'))
                .find(a => a.textContent === arguments[0]);
            if (!link) return null;
            const tr = link.closest('vaadin-grid-cell-content').assignedSlot.closest('tr');
            const cells = Array.from(tr.querySelectorAll('td')).map(td => td.querySelector('slot').assignedElements()[0]);
            const words = t => (t || '').split(' ').filter(w => w).sort().join(' '); // a theme is a set of words
            const badge = b => b && {text: b.textContent.trim(), theme: words(b.getAttribute('theme')),
                title: b.getAttribute('title') || '', className: b.className || ''};
            const [name, method, org, labels, connection, expiry, updated, status, actions] = cells;
            const a = name.querySelector('a');
            const conn = connection.firstElementChild;
            const item = actions && actions.querySelector('vaadin-menu-bar vaadin-menu-bar-item');
            return {
              name: a.textContent, href: a.getAttribute('href'), routerLink: a.hasAttribute('router-link'),
              method: method.textContent.trim(), organization: org.textContent.trim(),
              chips: labels.firstElementChild.className + ':' + Array.from(labels.querySelectorAll('span'))
                  .map(s => s.textContent + '[' + words(s.getAttribute('theme')) + ']').join(','),
              connectionClass: conn.className || '', connectionTitle: conn.getAttribute('title') || '',
              connectionBadge: badge(conn.classList.contains('connection-cell') ? conn.firstElementChild : conn),
              age: conn.classList.contains('connection-cell') ? conn.querySelector('.connection-age').textContent : '',
              expiry: badge(expiry.firstElementChild), status: badge(status.firstElementChild),
              updated: updated.textContent.trim(),
              menu: !item ? 'none' : item.getAttribute('aria-label') + ' '
                  + (item.querySelector('vaadin-icon') || {}).icon,
              menuTheme: actions ? words(actions.querySelector('vaadin-menu-bar').getAttribute('theme')) : 'none'
            };
            """;

    /** The texts of the items of the open menu (the menu bar's sub-menu overlay). */
    private static final String OPEN_MENU = """
            const out = [];
            const walk = root => root.querySelectorAll('*').forEach(el => {
              if ((el.localName === 'vaadin-menu-bar-item' || el.localName === 'vaadin-context-menu-item')
                  && el.getAttribute('role') === 'menuitem' && el.getBoundingClientRect().width > 0
                  && !el.closest('vaadin-menu-bar-button')) out.push(el.textContent.trim());
              if (el.shadowRoot) walk(el.shadowRoot);
            });
            walk(document);
            return out;
            """;

    @Test
    void theCellsSayWhatTheComponentsSaidAndTheMenuWorksByKeyboardForEachRole(BrowserSession browser,
            E2eUsers users) throws Exception {
        String tag = "cells-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(clock);
        IntegrationDetail a = IntegrationFixtures.savedPat(integrations, new IntegrationData(tag + "-a", "",
                List.of("prod", "team-payments"), "contoso"), IntegrationFixtures.fakeToken(), today.plusDays(5));
        var setAt = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", OffsetDateTime.class,
                a.id()).toInstant();
        checks.insert(StoredChecks.result(a.id(), clock.instant().minus(Duration.ofMinutes(3)), "CONNECTED", "e2e",
                setAt));
        IntegrationDetail b = IntegrationFixtures.savedPat(integrations, new IntegrationData(tag + "-b", "",
                List.of(), "fabrikam"), IntegrationFixtures.fakeToken(), null);
        As.user("e2e-setup", "EDITOR", () -> integrations.setEnabled(b.id(), b.version(), false));
        ChromeDriver driver = browser.driver();

        browser.signIn("gina.grid", users.ensure("gina.grid", "EDITOR"));
        browser.waitForUrl("/integrations");
        browser.open("/integrations?q=" + tag);
        Map<String, Object> rowA = row(browser, tag + "-a");
        Browser.screenshot(driver, "80-grid-cells-editor");
        assertThat(rowA).containsEntry("href", "integrations/" + a.id()).containsEntry("routerLink", true)
                .containsEntry("method", "PAT").containsEntry("organization", "contoso")
                .containsEntry("chips", "label-chips:prod[badge contrast pill small],team-payments[badge contrast"
                        + " pill small]")
                .containsEntry("connectionClass", "connection-cell")
                .containsEntry("connectionTitle", "Connected to contoso")
                .containsEntry("connectionBadge", Map.of("text", "Connected", "theme", "badge success", "title",
                        "Connected to contoso", "className", ""))
                .containsEntry("age", "checked 3 min ago")
                .containsEntry("expiry", Map.of("text", "in 5 days", "theme", "badge error", "title",
                        "Expires on " + today.plusDays(5), "className", ""))
                .containsEntry("status", Map.of("text", "Enabled", "theme", "badge success", "title", "",
                        "className", ""))
                .containsEntry("menu", "Actions for " + tag + "-a vaadin:ellipsis-dots-h")
                .containsEntry("menuTheme", "small tertiary-inline");
        assertThat((String) rowA.get("updated")).endsWith(" by " + IntegrationFixtures.EDITOR);
        Map<String, Object> rowB = row(browser, tag + "-b");
        assertThat(rowB).containsEntry("chips", "label-chips:").containsEntry("connectionClass", "")
                .containsEntry("connectionBadge", Map.of("text", "Never tested", "theme", "badge contrast",
                        "title", "", "className", ""))
                .containsEntry("expiry", Map.of("text", "Not entered", "theme", "", "title", "",
                        "className", "muted"))
                .containsEntry("status", Map.of("text", "Disabled", "theme", "badge contrast", "title", "",
                        "className", ""));

        // the keyboard: the menu button takes the focus, Enter opens the menu, arrows move, Enter chooses
        WebElement button = driver.findElement(By.xpath("//vaadin-menu-bar-item[@aria-label='Actions for " + tag
                + "-b']/ancestor::vaadin-menu-bar-button"));
        driver.executeScript("arguments[0].focus()", button);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waiting().until(d -> !((List<?>) driver.executeScript(OPEN_MENU)).isEmpty());
        assertThat(menuItems(driver)).containsExactly("Test connection", "Edit", "Enable");
        Browser.screenshot(driver, "81-grid-row-menu");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitForText(tag + "-b enabled");
        browser.waiting().until(d -> "Enabled".equals(((Map<?, ?>) row(browser, tag + "-b").get("status"))
                .get("text")));
        assertThat(As.user("e2e-check", "VIEWER", () -> integrations.get(b.id())).orElseThrow().enabled()).isTrue();

        // the name opens the detail page without reloading the application
        driver.executeScript("window.__sameDocument = true;");
        driver.findElement(By.linkText(tag + "-a")).click();
        browser.waitForUrl("/integrations/" + a.id());
        browser.waitForText("organization contoso");
        assertThat(driver.executeScript("return window.__sameDocument === true")).as("client-side navigation")
                .isEqualTo(true);

        browser.click(By.id("sign-out"));
        browser.waitForUrl("/login");
        browser.signIn("adam.grid", users.ensure("adam.grid", "ADMIN"));
        browser.waitForUrl("/integrations");
        browser.open("/integrations?q=" + tag);
        row(browser, tag + "-a");
        driver.findElement(By.xpath("//vaadin-menu-bar-item[@aria-label='Actions for " + tag
                + "-a']/ancestor::vaadin-menu-bar-button")).click();
        browser.waiting().until(d -> !((List<?>) driver.executeScript(OPEN_MENU)).isEmpty());
        assertThat(menuItems(driver))
                .containsExactly("Test connection", "Edit", "Disable", "Delete…");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);

        browser.click(By.id("sign-out"));
        browser.waitForUrl("/login");
        browser.signIn("vic.grid", users.ensure("vic.grid", "VIEWER"));
        browser.waitForUrl("/integrations");
        browser.open("/integrations?q=" + tag);
        Map<String, Object> viewerRow = row(browser, tag + "-a");
        Browser.screenshot(driver, "83-grid-cells-viewer");
        assertThat(viewerRow).containsEntry("menu", "none").containsEntry("href", "integrations/" + a.id())
                .containsEntry("connectionBadge", rowA.get("connectionBadge"));
        assertThat(driver.findElements(By.cssSelector("#integrations-grid vaadin-menu-bar"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> menuItems(ChromeDriver driver) {
        return (List<String>) driver.executeScript(OPEN_MENU);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(BrowserSession browser, String name) {
        return browser.waiting().until(d -> (Map<String, Object>) browser.driver().executeScript(ROW, name));
    }
}
