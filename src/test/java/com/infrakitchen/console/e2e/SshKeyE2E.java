package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.StoredCredentialService;
import com.infrakitchen.console.integration.azuredevops.AzureKeyPolicy;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.BrowserTest;
import com.infrakitchen.console.support.E2eUsers;
import com.infrakitchen.console.support.IndicatorPage;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.NetworkRecorder;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.SetupFormPage;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SSH in a real browser against the fake SSH endpoint: upload a generated RSA key, see its fingerprints,
 * test (Connected), then the fake no longer knows the key (key not registered headline). The private key
 * never comes back in a response or push frame; a key generated on the server never reaches the browser at all
 * (push and UIDL frames, response bodies, the DOM with its shadow roots).
 */
@BrowserTest
class SshKeyE2E {

    @Autowired
    IntegrationService integrations;

    @Autowired
    StoredCredentialService storedCredentials;

    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOpsSsh ssh = FakeAzureDevOpsInitializer.sharedSsh();
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
        this.password = users.ensure("sasha.ssh", "EDITOR");
    }

    @Test
    void uploadedKeyShowsItsFingerprintsConnectsAndIsNamedWhenAzureDevOpsNoLongerKnowsIt(@TempDir Path dir)
            throws Exception {
        KeyPair pair = TestSshKeys.rsa(3072);
        String privateKey = TestSshKeys.openssh(pair, null, "e2e@infrakitchen");
        String publicLine = SshKeys.parse(privateKey, null, AzureKeyPolicy.INSTANCE).publicKeyLine();
        String expectedSha = SshKeys.sha256FingerprintOfLine(publicLine);
        Path file = dir.resolve("id_rsa");
        Files.writeString(file, privateKey);
        String keyBody = privateKey.lines().skip(2).findFirst().orElseThrow();
        ssh.registerKey(pair.getPublic());

        try (NetworkRecorder recorder = new NetworkRecorder(driver)) {
            browser.signIn("sasha.ssh", password);
            browser.waitForUrl("/integrations");
            form.open();
            form.chooseSsh();
            form.typeName("ssh-e2e-" + Long.toString(System.nanoTime() % 100_000, 36));
            form.typeOrganization("contoso");
            form.typeTestRepository("Web/web-app");
            Browser.screenshot(driver, "40-ssh-empty");

            form.uploadKey(file);
            try {
                wait.until(d -> form.sha256Fingerprint().startsWith("SHA256:"));
            } catch (RuntimeException e) {
                Browser.screenshot(driver, "debug-ssh-upload");
                throw e;
            }
            wait.until(d -> form.sha256Fingerprint().startsWith("SHA256:"));
            assertThat(form.sha256Fingerprint()).isEqualTo(expectedSha);
            assertThat(form.md5Fingerprint()).startsWith("MD5:");
            assertThat(form.keyHeadline()).startsWith("RSA 3072");
            Browser.screenshot(driver, "41-ssh-key-loaded");

            form.pressTestConnection();
            indicator.awaitState("CONNECTED");
            Browser.screenshot(driver, "42-ssh-connected");

            ssh.reset(); // Azure DevOps no longer lists the key (removed, or expired after a year)
            form.pressTestConnection();
            indicator.awaitState("FAILED");
            assertThat(indicator.headline()).isEqualTo("Azure DevOps does not accept this SSH key for 'contoso'");
            Browser.screenshot(driver, "43-ssh-key-not-registered");

            assertThat(recorder.sawText(keyBody)).as("the private key in a response or push frame").isFalse();
            assertThat(recorder.sawText(expectedSha)).as("the recorder sees the fingerprint").isTrue();
        }
    }

    @Test
    void aGeneratedPrivateKeyNeverReachesTheBrowserNeitherInAFrameNorInTheDom() throws Exception {
        String name = "ssh-gen-" + Long.toString(System.nanoTime() % 100_000, 36);
        List<String> dom = new java.util.ArrayList<>();
        String sha;
        NetworkRecorder recorder = new NetworkRecorder(driver);
        try (recorder) {
            browser.signIn("sasha.ssh", password);
            browser.waitForUrl("/integrations");
            form.open();
            form.chooseSsh();
            form.typeName(name);
            form.typeOrganization("contoso");
            form.typeTestRepository("Web/web-app");

            form.generateKey();
            wait.until(d -> form.sha256Fingerprint().startsWith("SHA256:"));
            sha = form.sha256Fingerprint();
            Browser.screenshot(driver, "44-ssh-generated");
            dom.addAll(browser.domTexts());

            form.save();
            wait.until(d -> !d.getCurrentUrl().contains("/setup") && form.sha256Fingerprint().equals(sha));
            dom.addAll(browser.domTexts());
        }
        // test-only look at what the server generated: decrypt what it stored (the page never had it)
        UUID id = UUID.fromString(jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM integration WHERE name = ?",
                String.class, name));
        Secret stored = IntegrationFixtures.keyOf(As.user("e2e-check", "EDITOR", () -> storedCredentials.credentialsForTest(id)).orElseThrow());
        List<String> fragments = SecretScan.fragments(stored.reveal());
        stored.wipe();

        assertThat(recorder.webSocketFrames() + recorder.responseBodies()).as("the recorder saw traffic").isPositive();
        assertThat(recorder.sawText(sha)).as("the recorder sees the fingerprint").isTrue();
        assertThat(String.join("\n", dom)).as("the DOM scan sees the fingerprint").contains(sha);
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(fragments.stream().filter(recorder::sawText).count())
                    .as("fragments of the private key in a response or push frame").isZero();
            soft.assertThat(SecretScan.found(fragments, dom)).as("fragments of the private key in the DOM").isEmpty();
        });
    }
}
