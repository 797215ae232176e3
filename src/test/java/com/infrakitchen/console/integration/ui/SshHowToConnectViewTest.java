package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.azuredevops.ssh.SshProperties;
import com.infrakitchen.console.integration.azuredevops.ui.HowToConnectSshPanel;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SSH "How to connect" panel names the host and the host keys the check really trusts: here a non-default
 * host (the fake on 127.0.0.1 and a random port) with a known_hosts file holding an RSA and an ED25519 key for it, a
 * revoked key for it and the Azure DevOps key for another host. The file is re-read, as the check re-reads it.
 */
@SpringBootTest
class SshHowToConnectViewTest extends SpringBrowserlessTest {

    static final FakeAzureDevOpsSsh SSH = FakeAzureDevOpsInitializer.sharedSsh();
    static final String ED25519_LINE = TestSshKeys.ed25519WithPublicLine()[1];
    static Path knownHostsFile;

    @DynamicPropertySource
    static void knownHostsFile(DynamicPropertyRegistry registry) throws IOException {
        knownHostsFile = Files.createTempFile(Files.createDirectories(Path.of("target")), "known_hosts-", "");
        writeKnownHosts(String.join("\n",
                "# trusted for the console's SSH endpoint",
                SSH.knownHostsLine(),
                "[" + SSH.host() + "]:" + SSH.port() + " " + ED25519_LINE.substring(0, ED25519_LINE.lastIndexOf(' ')),
                "@revoked " + SSH.otherKnownHostsLine(),
                "ssh.dev.azure.com " + SshProperties.AZURE_DEVOPS_HOST_KEY, ""));
        registry.add("app.azure-devops.ssh.known-hosts-file", () -> knownHostsFile.toString());
    }

    static void writeKnownHosts(String text) throws IOException {
        Files.writeString(knownHostsFile, text, StandardCharsets.UTF_8);
    }

    String panelText() {
        IntegrationSetupView view = navigate(IntegrationSetupView.class);
        view.methods.setSelectedTab(view.tab(AuthMethod.PAT)); // the same view may be reused: switch tabs to rebuild the panel
        view.methods.setSelectedTab(view.tab(AuthMethod.SSH));
        Optional<Component> panel = find(view, HowToConnectSshPanel.class);
        assertThat(panel).as("the SSH tab shows its How to connect panel").isPresent();
        return panel.get().getElement().getTextRecursively();
    }

    static Optional<Component> find(Component root, Class<?> type) {
        if (type.isInstance(root)) {
            return Optional.of(root);
        }
        return root.getChildren().map(c -> find(c, type)).flatMap(Optional::stream).findFirst();
    }

    @Test
    @WithMockUser(username = "how-to-ssh", roles = "EDITOR")
    void thePanelShowsTheConfiguredHostAndTheFingerprintsOfItsTrustedKeysOnly() throws IOException {
        String text = panelText();
        String endpoint = "[" + SSH.host() + "]:" + SSH.port();
        assertThat(text).contains("Host keys of " + endpoint)
                .contains("RSA " + SSH.hostKeySha256())
                .contains("ED25519 " + SshKeys.sha256FingerprintOfLine(ED25519_LINE))
                .as("not the key of another host, nor a revoked one")
                .doesNotContain("ssh.dev.azure.com")
                .doesNotContain(SshProperties.AZURE_DEVOPS_HOST_KEY_SHA256)
                .doesNotContain(SSH.otherHostKeySha256());

        // the file is re-read: an administrator's change shows without a restart, like the check uses it
        writeKnownHosts(SSH.otherKnownHostsLine() + "\n");
        String changed = panelText();
        assertThat(changed).contains("Host key of " + endpoint + ": RSA " + SSH.otherHostKeySha256())
                .doesNotContain(SSH.hostKeySha256());

        writeKnownHosts("ssh.dev.azure.com " + SshProperties.AZURE_DEVOPS_HOST_KEY + "\n");
        assertThat(panelText()).contains("No host key is trusted for " + endpoint)
                .doesNotContain(SshProperties.AZURE_DEVOPS_HOST_KEY_SHA256);
    }
}
