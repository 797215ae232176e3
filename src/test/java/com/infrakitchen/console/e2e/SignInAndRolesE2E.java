package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserExtension;
import com.infrakitchen.console.support.BrowserSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The path that matters most for the foundation, in a real browser: an admin signs in, creates a viewer,
 * signs out; the viewer signs in, sees no Users or Audit entries, and typing /users or /audit in the
 * address bar shows the "not available" page. Screenshots of every screen go to target/screenshots.
 */
@EnabledIfSystemProperty(named = "e2e", matches = "true", disabledReason = Browser.DISABLED_REASON)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:e2e-signin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.admin-password=e2e-admin-password"})
@ExtendWith(BrowserExtension.class)
class SignInAndRolesE2E {

    private BrowserSession browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser(BrowserSession browser) {
        this.browser = browser;
        driver = browser.driver();
        wait = browser.waiting();
    }

    @Test
    void adminCreatesAViewerWhoSeesNoAdminScreens() throws Exception {
        signIn("admin", "e2e-admin-password");
        wait.until(ExpectedConditions.urlContains("/integrations"));
        browser.waitForText("No integrations yet");
        assertThat(navEntries()).containsExactly("Integrations", "Health", "Audit", "Users", "Encryption keys");
        Browser.screenshot(driver, "01-admin-integrations");

        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Users']"));
        wait.until(ExpectedConditions.urlContains("/users"));
        browser.waitForText("New user");
        Browser.screenshot(driver, "02-admin-users");

        browser.click(By.id("new-user"));
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#new-user-username input")));
        username.sendKeys("vera.viewer");
        Browser.screenshot(driver, "03-new-user-dialog");
        browser.click(By.id("create-user"));
        WebElement generated = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#generated-password input")));
        String password = wait.until(d -> {
            String v = generated.getDomProperty("value");
            return v == null || v.isEmpty() ? null : v;
        });
        Browser.screenshot(driver, "04-generated-password");
        browser.click(By.id("password-copied"));
        browser.waitForText("vera.viewer");

        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Audit']"));
        wait.until(ExpectedConditions.urlContains("/audit"));
        browser.waitForText("User created");
        Browser.screenshot(driver, "05-admin-audit");

        String adminSession = driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(statusWithSession("/actuator/metrics", adminSession)).isEqualTo(200);
        browser.click(By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login"));
        // signing out invalidated the session: replaying its cookie gets nothing
        assertThat(statusWithSession("/actuator/metrics", adminSession)).isNotEqualTo(200);

        signIn("vera.viewer", "wrong-password-123");
        wait.until(ExpectedConditions.urlContains("error"));
        browser.waitForText("Sign-in failed");
        Browser.screenshot(driver, "06-login-failed");

        signIn("vera.viewer", password);
        wait.until(ExpectedConditions.urlContains("/integrations"));
        browser.waitForText("No integrations yet");
        assertThat(navEntries()).containsExactly("Integrations", "Health");
        assertThat(driver.findElement(By.cssSelector(".user-footer")).getText()).contains("vera.viewer", "viewer");
        Browser.screenshot(driver, "07-viewer-integrations");

        for (String forbidden : List.of("users", "audit", "no-such-page")) {
            driver.get(base() + "/" + forbidden);
            browser.waitForText("Page not available");
            assertThat(driver.getPageSource()).doesNotContain("New user").doesNotContain("Audit log");
            assertThat(navEntries()).containsExactly("Integrations", "Health");
        }
        Browser.screenshot(driver, "08-viewer-types-users-url");
    }

    private List<String> navEntries() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
        return driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    private int statusWithSession(String path, String sessionId) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path))
                .header("Cookie", "JSESSIONID=" + sessionId).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void signIn(String user, String password) {
        browser.signIn(user, password);
    }

    private String base() {
        return browser.baseUrl();
    }
}
