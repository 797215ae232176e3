package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.fakeToken;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.infrakitchen.console.Application;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The README's key rotation, step by step, with two real Tink keys in a key set file that is rewritten between
 * restarts of the console (file-based H2 in a temporary directory): add a key (restart), promote it (restart),
 * Re-encrypt secrets, retire the old key (restart). Retiring it while a secret still uses it stops the start with
 * the README's message naming the key id, whether the key is removed or only disabled.
 */
class KeyRotationIT {

    private Path dir;
    private Path keysetFile;

    @BeforeEach
    void setUp() throws IOException, GeneralSecurityException {
        AeadConfig.register();
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "key-rotation-");
        keysetFile = dir.resolve("keyset.json");
    }

    @AfterEach
    void removeKeyMaterial() throws IOException {
        FileSystemUtils.deleteRecursively(dir); // the key set file holds real (test-only) keys
    }

    @Test
    void theReadmeProcedureMovesEverySecretToTheNewKeyAcrossRestartsAndRefusesToStartWhenARetiredKeyIsStillUsed()
            throws Exception {
        // ---- a console on key A, with a token and an SSH key stored
        KeysetHandle onlyA = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        int keyA = onlyA.getPrimary().getId();
        write(onlyA);
        String token = fakeToken();
        String privateKey = TestSshKeys.openssh(TestSshKeys.alice(), null, "rotation");
        UUID pat;
        UUID ssh;
        try (ConfigurableApplicationContext app = start()) {
            IntegrationService service = app.getBean(IntegrationService.class);
            pat = As.user("rotation-editor", "EDITOR", () -> service.create(data(uniqueName("rot-pat")), IntegrationFixtures.pat(token))).id();
            ssh = As.user("rotation-editor", "EDITOR", () -> service.create(data(uniqueName("rot-ssh")), new SshKeyInput(Secret.of(privateKey), null, false, "Web/web-app"))).id();
            assertThat(keyIdsInUse(app)).containsOnly(keyA);
        }

        // ---- 1. add key B (enabled, not primary), restart: nothing moves, everything still reads
        KeysetHandle added = KeysetHandle.newBuilder(onlyA)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().setStatus(KeyStatus.ENABLED))
                .build();
        int keyB = idOtherThan(added, keyA);
        write(added);
        try (ConfigurableApplicationContext app = start()) {
            var status = status(app);
            assertThat(status.primaryKeyId()).isEqualTo(keyA);
            assertThat(status.keyIds()).containsExactlyInAnyOrder(keyA, keyB);
            assertThat(status.secretsOnOtherKeys()).isZero();
            assertReadable(app, pat, token, ssh, privateKey);
        }

        // ---- 2. promote B, restart: new secrets use B, the old ones still read on A and are counted
        KeysetHandle promoted = withPrimary(added, keyB);
        write(promoted);
        UUID madeOnB;
        String tokenOnB = fakeToken();
        try (ConfigurableApplicationContext app = start()) {
            var status = status(app);
            assertThat(status.primaryKeyId()).isEqualTo(keyB);
            assertThat(status.secretsOnOtherKeys()).isEqualTo(2);
            assertReadable(app, pat, token, ssh, privateKey);
            IntegrationService service = app.getBean(IntegrationService.class);
            madeOnB = As.user("rotation-editor", "EDITOR", () -> service.create(data(uniqueName("rot-new")), IntegrationFixtures.pat(tokenOnB))).id();
            assertThat(jdbc(app).queryForObject("SELECT pat_key_id FROM integration WHERE id = ?", Integer.class,
                    madeOnB)).isEqualTo(keyB);
        }

        // ---- retiring A now (secrets still on it) stops the start, removed or disabled, naming A
        write(without(promoted, keyA));
        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("Stored secrets were encrypted with key id(s) [" + keyA + "]")
                .hasStackTraceContaining("that the configured key set does not contain");
        write(withStatus(promoted, keyA, KeyStatus.DISABLED));
        assertThatThrownBy(() -> start().close())
                .hasStackTraceContaining("Stored secrets were encrypted with key id(s) [" + keyA + "]");

        // ---- 3. back on A+B (B primary): Re-encrypt secrets until nothing remains on A
        write(promoted);
        try (ConfigurableApplicationContext app = start()) {
            SecretRotationService rotation = app.getBean(SecretRotationService.class);
            var report = As.user("rotation-admin", "ADMIN", rotation::reencryptSecrets);
            assertThat(report.primaryKeyId()).isEqualTo(keyB);
            assertThat(report.reencrypted()).isEqualTo(2);
            assertThat(report.unreadable()).isZero();
            assertThat(report.remaining()).isZero();
            assertThat(keyIdsInUse(app)).containsOnly(keyB);
            for (String column : List.of("pat_ciphertext", "ssh_key_ciphertext")) {
                for (byte[] ciphertext : jdbc(app).queryForList("SELECT " + column + " FROM integration WHERE "
                        + column + " IS NOT NULL", byte[].class)) {
                    assertThat(SecretCipher.keyIdOf(ciphertext)).as(column + " is made with B").isEqualTo(keyB);
                }
            }
            assertThat(As.user("rotation-admin", "ADMIN", rotation::reencryptSecrets).reencrypted())
                    .as("a second run has nothing to do").isZero();
            assertReadable(app, pat, token, ssh, privateKey);
        }

        // ---- 4. retire A (removed from the key set), restart: it starts and every secret reads on B alone
        KeysetHandle retired = without(promoted, keyA);
        assertThat(retired.size()).isEqualTo(1);
        write(retired);
        try (ConfigurableApplicationContext app = start()) {
            var status = status(app);
            assertThat(status.primaryKeyId()).isEqualTo(keyB);
            assertThat(status.keyIds()).containsExactly(keyB);
            assertThat(status.secretsOnOtherKeys()).isZero();
            assertReadable(app, pat, token, ssh, privateKey);
            IntegrationService service = app.getBean(IntegrationService.class);
            var stored = As.user("rotation-editor", "EDITOR", () -> app.getBean(StoredCredentialService.class).credentialsForTest(madeOnB)).orElseThrow();
            assertThat(IntegrationFixtures.tokenOf(stored).reveal()).isEqualTo(tokenOnB);
        }
    }

    // ---- key sets ---------------------------------------------------------------------------------------------

    private void write(KeysetHandle handle) throws IOException, GeneralSecurityException {
        Files.writeString(keysetFile, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
    }

    private static int idOtherThan(KeysetHandle handle, int id) {
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() != id) {
                return handle.getAt(i).getId();
            }
        }
        throw new IllegalStateException("no other key");
    }

    private static int indexOf(KeysetHandle handle, int id) {
        for (int i = 0; i < handle.size(); i++) {
            if (handle.getAt(i).getId() == id) {
                return i;
            }
        }
        throw new IllegalStateException("no key " + id);
    }

    private static KeysetHandle withPrimary(KeysetHandle handle, int id) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.getAt(indexOf(handle, id)).makePrimary();
        return builder.build();
    }

    private static KeysetHandle withStatus(KeysetHandle handle, int id, KeyStatus status)
            throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.getAt(indexOf(handle, id)).setStatus(status);
        return builder.build();
    }

    private static KeysetHandle without(KeysetHandle handle, int id) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        builder.deleteAt(indexOf(handle, id));
        return builder.build();
    }

    // ---- the console ------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/console;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--app.data-dir=" + dir.toAbsolutePath(),
                "--APP_KEYSET_FILE=" + keysetFile.toAbsolutePath(),
                "--app.keyset.generate-if-missing=false"));
        return SpringApplication.run(Application.class, args.toArray(String[]::new));
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class);
    }

    private static List<Integer> keyIdsInUse(ConfigurableApplicationContext app) {
        List<Integer> ids = new ArrayList<>();
        for (Map<String, Object> row : jdbc(app).queryForList("SELECT pat_key_id, ssh_key_key_id FROM integration")) {
            row.values().stream().filter(v -> v != null).forEach(v -> ids.add(((Number) v).intValue()));
        }
        return ids;
    }

    private static SecretRotationService.KeyStatus status(ConfigurableApplicationContext app) {
        SecretRotationService rotation = app.getBean(SecretRotationService.class);
        return As.user("rotation-admin", "ADMIN", rotation::status);
    }

    private static void assertReadable(ConfigurableApplicationContext app, UUID pat, String token, UUID ssh,
            String privateKey) {
        IntegrationService service = app.getBean(IntegrationService.class);
        var patStored = As.user("rotation-editor", "EDITOR", () -> app.getBean(StoredCredentialService.class).credentialsForTest(pat)).orElseThrow();
        assertThat(IntegrationFixtures.tokenOf(patStored).reveal()).as("the token reads").isEqualTo(token);
        var sshStored = As.user("rotation-editor", "EDITOR", () -> app.getBean(StoredCredentialService.class).credentialsForTest(ssh)).orElseThrow();
        assertThat(IntegrationFixtures.keyOf(sshStored)).as("the SSH key reads").isNotNull();
        assertThat(IntegrationFixtures.keyOf(sshStored).reveal().strip()).isEqualTo(privateKey.strip());
        IntegrationFixtures.tokenOf(patStored).wipe();
        IntegrationFixtures.keyOf(sshStored).wipe();
    }
}
