package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.StoredCredentialService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The SSH tab of the setup form and an SSH integration's detail page: key intake (paste, generate, refused
 * public key), write-only handling, fingerprints, and Test Connection against the fake SSH endpoint.
 */
@SpringBootTest
class SshSetupViewTest extends SpringBrowserlessTest {

    @Autowired
    IntegrationService integrations;

    @Autowired
    StoredCredentialService storedCredentials;

    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOpsSsh ssh = FakeAzureDevOpsInitializer.sharedSsh();

    @AfterEach
    void resetFake() {
        ssh.reset();
    }

    IntegrationSetupView sshForm(String testRepository) {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        view.methods.setSelectedTab(view.tab(AuthMethod.SSH));
        test(view.form.name).setValue("ssh-" + UUID.randomUUID().toString().substring(0, 8));
        test(view.form.organization).setValue("contoso");
        test(view.form.testRepository).setValue(testRepository);
        return view;
    }

    void waitForResult(ConnectionTestControl control) {
        PushedResults.awaitResult(control, SpringBrowserlessTest::roundTrip);
    }

    @Test
    @WithMockUser(username = "ssh-paste", roles = "EDITOR")
    void pastedKeyIsReadShownByItsFingerprintsAndNeverKeptInTheTextBox() {
        KeyPair alice = TestSshKeys.alice();
        IntegrationSetupView view = sshForm("Web/web-app");
        assertThat(view.title.getText()).isEqualTo("Azure DevOps · SSH key");
        assertThat(view.form.token.isVisible()).isFalse();
        assertThat(view.form.sshKey.keyText.getLabel()).isEqualTo("SSH Private Key");
        assertThat(view.form.sshKey.passphrase.getLabel()).isEqualTo("Key Passphrase");
        assertThat(view.form.testRepository.getLabel()).isEqualTo("Test Repository");

        test(view.form.sshKey.keyText).setValue(TestSshKeys.openssh(alice, null, "alice@contoso"));
        assertThat(view.form.sshKey.keyText.getValue()).as("write-only: the key leaves the component").isEmpty();
        assertThat(view.form.sshKey.facts.isVisible()).isTrue();
        assertThat(view.form.sshKey.factsHeadline.getText()).startsWith("RSA 2048");
        assertThat(view.form.sshKey.sha256.getText()).startsWith("SHA256:");
        assertThat(view.form.sshKey.md5.getText()).startsWith("MD5:");
        assertThat(view.form.sshKey.publicKey.getValue()).startsWith("ssh-rsa AAAA").endsWith("alice@contoso");
    }

    @Test
    @WithMockUser(username = "ssh-public", roles = "EDITOR")
    void aPublicKeyPastedIntoThePrivateFieldIsRefusedAndKept() {
        IntegrationSetupView view = sshForm("Web/web-app");
        String publicLine = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 someone@example";
        test(view.form.sshKey.keyText).setValue(publicLine);
        assertThat(view.form.sshKey.keyText.isInvalid()).isTrue();
        assertThat(view.form.sshKey.keyText.getErrorMessage()).containsIgnoringCase("public key");
        assertThat(view.form.sshKey.keyText.getValue()).as("nothing is lost").isEqualTo(publicLine);
        assertThat(view.form.sshKey.facts.isVisible()).isFalse();
    }

    @Test
    @WithMockUser(username = "ssh-ed25519", roles = "EDITOR")
    void aRefusedPrivateKeyIsNeverSentBackToTheBrowser() {
        IntegrationSetupView view = sshForm("Web/web-app");
        String ed25519 = TestSshKeys.otherType(com.jcraft.jsch.KeyPair.ED25519, 256, null);
        test(view.form.sshKey.keyText).setValue(ed25519);
        assertThat(view.form.sshKey.keyText.isInvalid()).isTrue();
        assertThat(view.form.sshKey.keyText.getErrorMessage()).contains("RSA").contains("not kept");
        assertThat(view.form.sshKey.keyText.getValue()).isEmpty();
        assertThat(view.form.sshKey.hasNewKey()).isFalse();
    }

    @Test
    @WithMockUser(username = "ssh-connect", roles = "EDITOR")
    void registeredKeyConnectsAndAnUnregisteredOneIsNamed() {
        KeyPair alice = TestSshKeys.alice();
        ssh.registerKey(alice.getPublic());
        IntegrationSetupView view = sshForm("Web/web-app");
        test(view.form.sshKey.keyText).setValue(TestSshKeys.openssh(alice, null, "alice"));
        test(view.connection.test).click();
        waitForResult(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.CONNECTED);

        ssh.reset();
        test(view.connection.test).click();
        waitForResult(view.connection);
        assertThat(view.connection.indicator.state()).isEqualTo(State.FAILED);
        assertThat(view.connection.indicator.headline.getText())
                .isEqualTo("Azure DevOps does not accept this SSH key for 'contoso'");

        test(view.form.testRepository).setValue("Web/empty-repo");
        assertThat(view.connection.indicator.state()).as("the test repository is part of the test")
                .isEqualTo(State.OUTDATED);
    }

    @Test
    @WithMockUser(username = "ssh-generate", roles = "EDITOR")
    void generatedKeyIsSavedEncryptedAndTheDetailPageShowsOnlyItsPublicHalf() {
        IntegrationSetupView view = sshForm("git@ssh.dev.azure.com:v3/contoso/Web/web-app");
        assertThat(view.form.testRepository.getValue()).isEqualTo("Web/web-app");
        test(view.form.sshKey.generate).click();
        assertThat(view.form.sshKey.factsHeadline.getText()).startsWith("RSA 4096").contains("generated here");
        // test-only look at what the server generated: the key the field holds (never a production path)
        String generatedKey = view.form.sshKey.input("Web/web-app", null).orElseThrow().privateKey().reveal();
        List<String> fragments = SecretScan.fragments(generatedKey);
        List<String> page = SecretScan.strings(UI.getCurrent());
        assertThat(String.join("\n", page)).as("the scan sees what the page shows")
                .contains(view.form.sshKey.sha256.getText()).contains(view.form.sshKey.publicKey.getValue());
        assertThat(SecretScan.found(fragments, page))
                .as("no piece of the generated private key in the component tree of the setup page").isEmpty();
        String sha = view.form.sshKey.sha256.getText();
        String name = view.form.name.getValue();
        test(view.save).click();

        IntegrationDetailView detail = (IntegrationDetailView) getCurrentView();
        assertThat(detail.form.method()).isEqualTo(AuthMethod.SSH);
        assertThat(detail.form.sshKey.factsHeadline.getText()).startsWith("Configured on").contains("RSA 4096");
        assertThat(detail.form.sshKey.sha256.getText()).isEqualTo(sha);
        assertThat(detail.form.sshKey.replace.isVisible()).isTrue();
        UUID id = UUID.fromString(jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM integration WHERE name = ?",
                String.class, name));
        var stored = storedCredentials.credentialsForTest(id).orElseThrow();
        assertThat(IntegrationFixtures.keyOf(stored).reveal()).as("the key stored is the one generated").isEqualTo(generatedKey);
        assertThat(SecretScan.found(fragments, SecretScan.strings(UI.getCurrent())))
                .as("no piece of the generated private key in the component tree of the detail page").isEmpty();
        String audit = String.join("\n", jdbc.queryForList("SELECT COALESCE(details, '') FROM audit_event WHERE"
                + " target_name = ?", String.class, name));
        assertThat(audit).contains(sha);
        assertThat(SecretScan.found(fragments, List.of(audit))).as("nor in the audit trail").isEmpty();
    }
}
