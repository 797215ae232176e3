package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.fakeToken;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.secret.SecretUnreadableException;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** docs/security.md 6.2, S-02 to S-05: tokens at rest, bound to their row, never in logs or audit. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class IntegrationSecretsIT {

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
    @Autowired
    CheckService checks;

    private IntegrationDetail create(String name, String token) {
        return As.user("secrets-editor", "EDITOR", () -> integrations.create(data(name), IntegrationFixtures.pat(token)));
    }

    private byte[] ciphertextOf(UUID id) {
        return jdbc.queryForObject("SELECT pat_ciphertext FROM integration WHERE id = ?", byte[].class, id);
    }

    @Test
    void s02TheStoredTokenIsTinkCiphertextWithItsKeyIdAndOnlyOpensForItsOwnRow() {
        String token = fakeToken();
        IntegrationDetail a = create(uniqueName("s02a"), token);
        IntegrationDetail b = create(uniqueName("s02b"), fakeToken());
        byte[] stored = ciphertextOf(a.id());

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(stored[0]).isEqualTo((byte) 0x01);
        assertThat(stored.length).isEqualTo(token.length() + 5 + 12 + 16);
        Integer keyId = jdbc.queryForObject("SELECT pat_key_id FROM integration WHERE id = ?", Integer.class, a.id());
        assertThat(keyId).isEqualTo(SecretCipher.keyIdOf(stored)).isEqualTo(cipher.primaryKeyId());
        assertThat(cipher.open(stored, IntegrationCredentials.tokenPlace(a.id())).reveal()).isEqualTo(token);
        assertThatThrownBy(() -> cipher.open(stored, IntegrationCredentials.tokenPlace(b.id())))
                .isInstanceOf(SecretUnreadableException.class).hasMessageNotContaining(token);
    }

    @Test
    void s03ACiphertextCopiedToAnotherRowIsUnreadableThereAndTheRotationJobReportsAndAuditsIt() {
        IntegrationDetail a = create(uniqueName("s03a"), fakeToken());
        IntegrationDetail b = create(uniqueName("s03b"), fakeToken());
        jdbc.update("UPDATE integration SET pat_ciphertext = (SELECT pat_ciphertext FROM integration WHERE id = ?)"
                + " WHERE id = ?", a.id(), b.id());
        assertThatThrownBy(() -> cipher.open(ciphertextOf(b.id()), IntegrationCredentials.tokenPlace(b.id())))
                .isInstanceOf(SecretUnreadableException.class);

        // make b look like it is on an old key so the job opens it
        jdbc.update("UPDATE integration SET pat_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 1, b.id());
        var report = As.user("secrets-admin", "ADMIN", () -> rotation.reencryptSecrets());
        assertThat(report.unreadable()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'SECRET_UNREADABLE'"
                + " AND target_id = ?", Long.class, b.id().toString())).isEqualTo(1);
        jdbc.update("DELETE FROM integration WHERE id = ?", b.id()); // do not leave a broken row for other tests
    }

    @Test
    void aCiphertextCopiedFromAnotherRowIsRefusedAsNotBelongingToThisIntegrationNotAsAMissingKey() throws Exception {
        IntegrationDetail a = create(uniqueName("copya"), fakeToken());
        IntegrationDetail b = create(uniqueName("copyb"), fakeToken());
        jdbc.update("UPDATE integration SET pat_ciphertext = (SELECT pat_ciphertext FROM integration WHERE id = ?)"
                + " WHERE id = ?", a.id(), b.id());
        try {
            var opened = As.user("copy-editor", "EDITOR", () -> storedCredentials.credentialsForTest(b.id())).orElseThrow();
            assertThat(opened.hasSecret()).as("a secret that does not open is left out").isFalse();
            assertThat(opened.unreadable())
                    .isInstanceOfSatisfying(SecretUnreadableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SecretUnreadableException.Reason.NOT_FOR_THIS_PLACE);
                        assertThat(e.keyId()).isEqualTo(cipher.primaryKeyId());
                    })
                    .hasMessageContaining("does not belong to this integration")
                    .hasMessageNotContaining("key set does not contain");

            var result = As.user("copy-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(b.id())))
                    .result().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.category()).isEqualTo(CheckCategory.SECRET_NOT_FOR_THIS_INTEGRATION);
            assertThat(result.headline()).isEqualTo("The stored secret does not belong to this integration");
            assertThat(result.hint()).doesNotContain("no longer holds the key");

            // the rotation job tells the two apart in the audit trail too
            jdbc.update("UPDATE integration SET pat_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 1, b.id());
            As.user("copy-admin", "ADMIN", () -> rotation.reencryptSecrets());
            assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'SECRET_UNREADABLE'"
                    + " AND target_id = ?", String.class, b.id().toString())).contains("NOT_FOR_THIS_PLACE");
        } finally {
            jdbc.update("DELETE FROM integration WHERE id = ?", b.id()); // no broken row for other tests
        }
    }

    @Test
    void aCiphertextOfAKeyTheKeySetLacksIsRefusedAsAMissingKeyNamingItsId() throws Exception {
        IntegrationDetail a = create(uniqueName("nokey"), fakeToken());
        byte[] foreign = ciphertextOf(a.id());
        int otherId = cipher.primaryKeyId() ^ 0x5a5a5a5a;
        java.nio.ByteBuffer.wrap(foreign, 1, 4).putInt(otherId);
        jdbc.update("UPDATE integration SET pat_ciphertext = ? WHERE id = ?", foreign, a.id());
        try {
            assertThatThrownBy(() -> cipher.open(ciphertextOf(a.id()), IntegrationCredentials.tokenPlace(a.id())))
                    .isInstanceOfSatisfying(SecretUnreadableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SecretUnreadableException.Reason.KEY_NOT_IN_KEY_SET);
                        assertThat(e.keyId()).isEqualTo(otherId);
                    })
                    .hasMessageContaining("key id " + otherId).hasMessageNotContaining("does not belong");
            var result = As.user("nokey-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(a.id())))
                    .result().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.category()).isEqualTo(CheckCategory.SECRET_UNREADABLE);
        } finally {
            jdbc.update("DELETE FROM integration WHERE id = ?", a.id());
        }
    }

    @Test
    void s04EditingOnlyTheDescriptionLeavesTheTokenUntouched() {
        IntegrationDetail created = create(uniqueName("s04"), fakeToken());
        byte[] before = ciphertextOf(created.id());
        Object setAtBefore = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", Object.class,
                created.id());
        IntegrationData changed = new IntegrationData(created.data().name(), "a new description",
                created.data().labels(), created.data().organization());
        As.user("secrets-editor", "EDITOR", () -> integrations.update(created.id(), created.version(), changed,
                IntegrationFixtures.keepToken()));

        assertThat(ciphertextOf(created.id())).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?", Object.class,
                created.id())).isEqualTo(setAtBefore);
        String details = jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'INTEGRATION_UPDATED'"
                + " AND target_id = ?", String.class, created.id().toString());
        assertThat(details).contains("\"token\":{\"changed\":false}").contains("a new description");
    }

    @Test
    void s05ACanaryTokenThroughCreateReplaceAndClearNeverReachesLogsAuditOrMessages(CapturedOutput output) {
        String canary = "CANARY" + fakeToken().substring(6);
        String replacement = "CANARY" + fakeToken().substring(6);
        IntegrationDetail created = create(uniqueName("s05"), canary);
        IntegrationDetail replaced = As.user("secrets-editor", "EDITOR", () -> integrations.update(created.id(),
                created.version(), created.data(), IntegrationFixtures.replaceToken(Secret.of(replacement))));
        assertThat(replaced.credentialConfigured()).isTrue();
        assertThat(cipher.open(ciphertextOf(created.id()), IntegrationCredentials.tokenPlace(created.id())).reveal())
                .isEqualTo(replacement);
        IntegrationDetail cleared = As.user("secrets-editor", "EDITOR", () -> integrations.update(created.id(),
                replaced.version(), replaced.data(), IntegrationFixtures.clearToken()));
        assertThat(cleared.credentialConfigured()).isFalse();
        assertThat(ciphertextOf(created.id())).isNull();
        assertThatThrownBy(() -> create(uniqueName("s05bad"), canary + " x"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(canary));

        List<String> audit = jdbc.queryForList("SELECT COALESCE(details, '') || ' ' || COALESCE(target_name, '')"
                + " FROM audit_event WHERE target_id = ?", String.class, created.id().toString());
        assertThat(audit).hasSizeGreaterThanOrEqualTo(4).noneMatch(s -> s.contains("CANARY"));
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id", String.class,
                created.id().toString())).contains("INTEGRATION_CREATED", "SECRET_SET", "SECRET_CLEARED");
        assertThat(output.getAll()).doesNotContain(canary).doesNotContain(replacement);
        assertThat(created.toString() + replaced + Secret.of(canary)).doesNotContain("CANARY");
    }

    @Test
    void reencryptionMovesEveryTokenToThePrimaryKeyAndASecondRunHasNothingToDo() {
        IntegrationDetail created = create(uniqueName("rotate"), fakeToken());
        jdbc.update("UPDATE integration SET pat_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 7, created.id());
        var first = As.user("secrets-admin", "ADMIN", () -> rotation.reencryptSecrets());
        assertThat(first.reencrypted()).isGreaterThanOrEqualTo(1);
        assertThat(first.remaining()).isZero();
        assertThat(jdbc.queryForObject("SELECT pat_key_id FROM integration WHERE id = ?", Integer.class,
                created.id())).isEqualTo(cipher.primaryKeyId());
        var second = As.user("secrets-admin", "ADMIN", () -> rotation.reencryptSecrets());
        assertThat(second.reencrypted()).isZero();
        assertThat(second.remaining()).isZero();
    }

    @Test
    void aConcurrentEditDuringReencryptionWinsAndTheRowIsLeftForTheNextRun() {
        IntegrationDetail created = create(uniqueName("race"), fakeToken());
        byte[] original = ciphertextOf(created.id());
        // the job read the row at this version; an editor saves before the job writes
        As.user("secrets-editor", "EDITOR", () -> integrations.update(created.id(), created.version(),
                new IntegrationData(created.data().name(), "edited meanwhile", created.data().labels(),
                        created.data().organization()), IntegrationFixtures.keepToken()));
        boolean written = As.user("secrets-admin", "ADMIN", () -> integrationsQueriesReplace(created, original));
        assertThat(written).isFalse();
        assertThat(ciphertextOf(created.id())).isEqualTo(original);
    }

    @Autowired
    com.infrakitchen.console.integration.internal.IntegrationQueries queries;

    private boolean integrationsQueriesReplace(IntegrationDetail stale, byte[] ciphertext) {
        return queries.replaceCiphertext(stale.id(), stale.version(), ciphertext, cipher.primaryKeyId());
    }
}
