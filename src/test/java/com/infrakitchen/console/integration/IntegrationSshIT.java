package com.infrakitchen.console.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SSH key integrations in the service: every key rule enforced on the server whatever the form did, the key
 * and passphrase encrypted and bound to their row, public facts stored for display, edits audited without
 * key material, and key rotation moving SSH secrets too.
 */
@SpringBootTest
class IntegrationSshIT {

    @Autowired
    IntegrationService integrations;

    @Autowired
    StoredCredentialService storedCredentials;

    @Autowired
    SecretRotationService rotation;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static IntegrationData data(String name) {
        return new IntegrationData(name, "ssh", List.of("ssh"), "contoso");
    }

    IntegrationDetail create(String name, String keyText, String passphrase) {
        return As.user("ssh-editor", "EDITOR", () -> integrations.create(data(name), new SshKeyInput(Secret.of(keyText), passphrase == null ? null : Secret.of(passphrase), false, "Web/web-app")));
    }

    @Test
    void anEncryptedKeyIsStoredEncryptedWithItsPassphraseAndOnlyItsPublicFactsAreReadable() {
        KeyPair pair = TestSshKeys.alice();
        String key = TestSshKeys.openssh(pair, TestSshKeys.PASSPHRASE, "alice");
        IntegrationDetail d = create(name("ssh-enc"), key, TestSshKeys.PASSPHRASE);
        assertThat(d.method()).isEqualTo(AuthMethod.SSH);
        assertThat(key(d).keyDescription()).isEqualTo("RSA 2048");
        assertThat(key(d).passphraseSet()).isTrue();
        assertThat(key(d).fingerprintSha256()).startsWith("SHA256:");
        assertThat(key(d).testRepository()).isEqualTo("Web/web-app");
        var row = jdbc.queryForMap("SELECT ssh_key_ciphertext, ssh_passphrase_ciphertext FROM integration WHERE id = ?",
                d.id());
        String stored = new String((byte[]) row.get("ssh_key_ciphertext"), StandardCharsets.ISO_8859_1)
                + new String((byte[]) row.get("ssh_passphrase_ciphertext"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("OPENSSH").doesNotContain(TestSshKeys.PASSPHRASE);
        String audit = String.join("\n", jdbc.queryForList("SELECT COALESCE(details, '') FROM audit_event WHERE"
                + " target_id = ?", String.class, d.id().toString()));
        assertThat(audit).doesNotContain("OPENSSH").doesNotContain(TestSshKeys.PASSPHRASE).contains("sshKey");
        var creds = As.user("ssh-editor", "EDITOR", () -> storedCredentials.credentialsForTest(d.id())).orElseThrow();
        assertThat(IntegrationFixtures.keyOf(creds).reveal()).contains("OPENSSH PRIVATE KEY");
        assertThat(IntegrationFixtures.passphraseOf(creds).reveal()).isEqualTo(TestSshKeys.PASSPHRASE);
        assertThat(creds.toString()).doesNotContain("OPENSSH").doesNotContain(TestSshKeys.PASSPHRASE);
        creds.wipe();
    }

    @Test
    void everyKeyRuleIsEnforcedByTheServiceOnItsField() {
        KeyPair pair = TestSshKeys.alice();
        String encrypted = TestSshKeys.openssh(pair, TestSshKeys.PASSPHRASE, "alice");
        assertThatThrownBy(() -> create(name("ssh-nopass"), encrypted, null))
                .isInstanceOf(IntegrationRuleViolation.class).extracting("field").isEqualTo("passphrase");
        assertThatThrownBy(() -> create(name("ssh-wrongpass"), encrypted, "not the passphrase"))
                .isInstanceOf(IntegrationRuleViolation.class).hasMessageContaining("passphrase")
                .extracting("field").isEqualTo("passphrase");
        assertThatThrownBy(() -> create(name("ssh-public"), "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 x@y", null))
                .isInstanceOf(IntegrationRuleViolation.class).extracting("field").isEqualTo("sshKey");
        String ed25519 = TestSshKeys.otherType(com.jcraft.jsch.KeyPair.ED25519, 256, null);
        assertThatThrownBy(() -> create(name("ssh-ed"), ed25519, null))
                .isInstanceOf(IntegrationRuleViolation.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> As.user("ssh-editor", "EDITOR", () -> integrations.create(data(name("ssh-repo")), new SshKeyInput(Secret.of(TestSshKeys.openssh(pair, null, "a")), null, false, "just-a-repo"))))
                .isInstanceOf(IntegrationRuleViolation.class).extracting("field").isEqualTo("testRepository");
        assertThatThrownBy(() -> As.user("ssh-editor", "EDITOR", () -> integrations.create(data(name("ssh-none")), new SshKeyInput(null, null, false, "Web/web-app")))).isInstanceOf(IntegrationRuleViolation.class)
                .extracting("field").isEqualTo("sshKey");
    }

    @Test
    void replacingTheKeyAuditsFingerprintsAndATokenCannotBeAddedToAnSshIntegration() {
        IntegrationDetail d = create(name("ssh-repl"), TestSshKeys.openssh(TestSshKeys.alice(), null, "a"), null);
        IntegrationDetail replaced = As.user("ssh-editor", "EDITOR", () -> integrations.update(d.id(), d.version(),
                d.data(), IntegrationFixtures.sshChange("Web/empty-repo", new SshKeyInput(Secret.of(TestSshKeys.openssh(TestSshKeys.bob(), null,
                        "b")), null, false, null))));
        assertThat(key(replaced).fingerprintSha256()).isNotEqualTo(key(d).fingerprintSha256());
        assertThat(key(replaced).testRepository()).isEqualTo("Web/empty-repo");
        assertThat(key(replaced).setAt()).isAfterOrEqualTo(key(d).setAt());
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id", String.class,
                d.id().toString())).contains("INTEGRATION_CREATED", "INTEGRATION_UPDATED", "SECRET_SET");
        assertThatThrownBy(() -> As.user("ssh-editor", "EDITOR", () -> integrations.update(d.id(),
                replaced.version(), replaced.data(), IntegrationFixtures.replaceToken(Secret.of("x".repeat(52))))))
                .isInstanceOf(IntegrationRuleViolation.class).extracting("field").isEqualTo("method");
    }

    @Test
    void reencryptionMovesSshKeysAndPassphrasesToThePrimaryKeyToo() {
        IntegrationDetail d = create(name("ssh-rot"), TestSshKeys.openssh(TestSshKeys.alice(), TestSshKeys.PASSPHRASE,
                "a"), TestSshKeys.PASSPHRASE);
        jdbc.update("UPDATE integration SET ssh_key_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 7, d.id());
        var report = As.user("ssh-admin", "ADMIN", () -> rotation.reencryptSecrets());
        assertThat(report.reencrypted()).isGreaterThanOrEqualTo(1);
        assertThat(report.remaining()).isZero();
        assertThat(jdbc.queryForObject("SELECT ssh_key_key_id FROM integration WHERE id = ?", Integer.class, d.id()))
                .isEqualTo(cipher.primaryKeyId());
        var creds = As.user("ssh-editor", "EDITOR", () -> storedCredentials.credentialsForTest(d.id())).orElseThrow();
        assertThat(IntegrationFixtures.passphraseOf(creds).reveal()).isEqualTo(TestSshKeys.PASSPHRASE);
        creds.wipe();
    }

    private static SshKeyFacts key(IntegrationDetail detail) {
        return (SshKeyFacts) detail.credential();
    }
}
