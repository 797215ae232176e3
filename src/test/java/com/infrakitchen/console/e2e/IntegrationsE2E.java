package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserExtension;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.NetworkRecorder;
import com.infrakitchen.console.support.SetupFormPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An editor sets up an integration with three label chips, finds it by label and by search, edits its
 * description; a viewer sees the grid without edit actions. The whole time, every response and push
 * frame the browser receives is recorded, and the canary token must never be among them; afterwards its
 * bytes must be nowhere in the database files or the log.
 */
@ExtendWith({OutputCaptureExtension.class, BrowserExtension.class})
@EnabledIfSystemProperty(named = "e2e", matches = "true", disabledReason = Browser.DISABLED_REASON)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntegrationsE2E {

    /** A database of this run's own: a second run without {@code clean} starts empty too. */
    static final Path DATA = Path.of("target", "e2e-integrations", "run-" + System.currentTimeMillis());

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + DATA.toString().replace('\\', '/')
                + "/console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("app.data-dir", () -> "./" + DATA.toString().replace('\\', '/'));
    }
    /** Obviously not a real token: the canary whose bytes must never leave the server in clear. */
    static final String CANARY = "CANARY" + randomUpper(46);

    @Autowired
    IntegrationService integrations;

    private BrowserSession browser;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private SetupFormPage form;

    @BeforeEach
    void setUp(BrowserSession browser, E2eUsers users) {
        users.ensure("erin.editor", "EDITOR");
        users.ensure("victor.viewer", "VIEWER");
        As.user("e2e-setup", "ADMIN", () -> {
            if (integrations.count(null) == 0) {
                integrations.create(new IntegrationData("billing-dev", "Billing sandbox", List.of("dev"),
                        "contoso-dev"), IntegrationFixtures.pat("OTHER" + randomUpper(47)));
            }
        });
        this.browser = browser;
        driver = browser.driver();
        wait = browser.waiting();
        form = new SetupFormPage(browser);
    }

    @Test
    void editorSetsUpFindsAndEditsAnIntegrationAndTheTokenNeverLeavesTheServer(CapturedOutput output)
            throws Exception {
        try (NetworkRecorder recorder = new NetworkRecorder(driver)) {
            signIn("erin.editor");
            wait.until(ExpectedConditions.urlContains("/integrations"));
            browser.waitForText("billing-dev");

            browser.click(By.id("setup-azure-devops"));
            form.awaitShown();
            Browser.screenshot(driver, "10-setup-form-empty");

            form.typeName("payments-prod");
            form.typeDescription("Payments team, production repositories");
            for (String label : List.of("prod", "Team-Payments", " eu-west ")) {
                form.addLabel(label);
            }
            form.typeOrganization("https://dev.azure.com/contoso-platform/Payments/_git/api", "contoso-platform");
            form.typeToken(CANARY);
            assertThat(form.selectedLabels()).containsExactlyInAnyOrder("prod", "team-payments", "eu-west");
            Browser.screenshot(driver, "11-setup-form-filled");

            form.saveAndAwaitDetail();
            Browser.screenshot(driver, "12-detail-overview");

            form.appendToDescription(" (owned by platform)");
            form.save();
            browser.waitForText("Saved");
            browser.click(By.xpath("//vaadin-tab[normalize-space()='History']"));
            browser.waitForText("Integration updated");
            Browser.screenshot(driver, "13-detail-history");

            driver.get(base() + "/integrations");
            browser.waitForText("payments-prod");
            browser.waitForText("team-payments");
            browser.waitForText("eu-west");
            Browser.screenshot(driver, "14-grid-rows");
            assertThat(driver.findElements(By.cssSelector("#integrations-grid vaadin-menu-bar"))).hasSize(2);
            browser.type(By.cssSelector("#integration-search input"), "PAYMENTS");
            wait.until(ExpectedConditions.urlContains("q=PAYMENTS"));
            waitForGridRows(List.of("payments-prod"));

            driver.get(base() + "/integrations?label=team-payments&label=prod");
            waitForGridRows(List.of("payments-prod"));
            driver.get(base() + "/integrations?label=dev");
            waitForGridRows(List.of("billing-dev"));
            Browser.screenshot(driver, "15-grid-filtered-by-label");

            browser.click(By.id("sign-out"));
            wait.until(ExpectedConditions.urlContains("/login"));
            signIn("victor.viewer");
            wait.until(ExpectedConditions.urlContains("/integrations"));
            browser.waitForText("payments-prod");
            assertThat(driver.findElements(By.id("setup-azure-devops"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#integrations-grid vaadin-menu-bar"))).isEmpty();
            Browser.screenshot(driver, "16-viewer-grid");

            assertThat(recorder.responseBodies()).as("HTTP response bodies recorded").isGreaterThan(20);
            assertThat(recorder.sawText("payments-prod")).as("the recorder sees page data").isTrue();
            assertThat(recorder.sawText(CANARY)).as("canary in a response or push frame").isFalse();
        }
        assertThat(output.getAll()).doesNotContain(CANARY);
        assertThat(filesContaining(DATA, CANARY.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static List<Path> filesContaining(Path dir, byte[] needle) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return indexOf(Files.readAllBytes(f), needle) >= 0;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void waitForGridRows(List<String> names) {
        wait.until(d -> {
            List<String> links = d.findElements(By.cssSelector("#integrations-grid a.integration-link"))
                    .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            return links.equals(names);
        });
    }

    private void signIn(String user) {
        browser.signIn(user, "e2e-password-" + user);
    }

    private String base() {
        return browser.baseUrl();
    }

    private static String randomUpper(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
