package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.SecretScan;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.TestCertificates;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service principal's secrets (issue 13): the client secret and the certificate's private key are sealed for their
 * row, never reach a log, an exception message, the audit trail or a test's result, rotation re-seals both, and a
 * new tenant or application makes a stored result outdated.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ServicePrincipalSecretsIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    IntegrationService integrations;
    @Autowired
    SecretRotationService rotation;
    @Autowired
    SecretCipher cipher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckService checks;

    /** A well-formed client secret no tenant knows, marked so that a leak is found: 40 characters. */
    private static String canarySecret() {
        StringBuilder sb = new StringBuilder("CANARY~");
        while (sb.length() < 40) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    private IntegrationDetail create(String name, ServicePrincipalInput input) {
        return As.user("sp-editor", "EDITOR", () -> integrations.create(data(name), input));
    }

    private List<String> audit(UUID id) {
        return jdbc.queryForList("SELECT action || ' ' || COALESCE(details, '') || ' ' || COALESCE(target_name, '')"
                + " FROM audit_event WHERE target_id = ? ORDER BY id", String.class, id.toString());
    }

    private CheckResult testStored(UUID id) throws Exception {
        return As.user("sp-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(id))).result()
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void aCanaryClientSecretThroughCreateTestReplaceAndRotationIsNeverShownLoggedOrAudited(CapturedOutput output)
            throws Exception {
        String canary = canarySecret();
        String replacement = canarySecret();
        IntegrationDetail created = create(uniqueName("sp-canary"), ServicePrincipalInput.withSecret(
                EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL, Secret.of(canary), LocalDate.of(2027, 6, 1)));
        byte[] stored = jdbc.queryForObject("SELECT sp_secret_ciphertext FROM integration WHERE id = ?", byte[].class,
                created.id());
        assertThat(cipher.open(stored, IntegrationCredentials.clientSecretPlace(created.id())).reveal())
                .isEqualTo(canary);
        assertThat(jdbc.queryForObject("SELECT token_expires_on FROM integration WHERE id = ?", LocalDate.class,
                created.id())).as("the known expiry, for the grid and /health").isEqualTo(LocalDate.of(2027, 6, 1));

        CheckResult refused = testStored(created.id());
        assertThat(refused.category()).isEqualTo(CheckCategory.ENTRA_SECRET_INVALID);

        IntegrationDetail replaced = As.user("sp-editor", "EDITOR", () -> integrations.update(created.id(),
                created.version(), created.data(), CredentialChange.replace(ServicePrincipalInput.withSecret(
                        EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL, Secret.of(replacement), null))));
        assertThatThrownBy(() -> create(uniqueName("sp-bad"), ServicePrincipalInput.withSecret(
                EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL, Secret.of(canary + " x"), null)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY"));

        jdbc.update("UPDATE integration SET sp_secret_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 7,
                created.id());
        var rotated = As.user("sp-admin", "ADMIN", () -> rotation.reencryptSecrets());
        assertThat(rotated.remaining()).isZero();
        byte[] resealed = jdbc.queryForObject("SELECT sp_secret_ciphertext FROM integration WHERE id = ?",
                byte[].class, created.id());
        assertThat(jdbc.queryForObject("SELECT sp_secret_key_id FROM integration WHERE id = ?", Integer.class,
                created.id())).isEqualTo(cipher.primaryKeyId());
        assertThat(cipher.open(resealed, IntegrationCredentials.clientSecretPlace(created.id())).reveal())
                .isEqualTo(replacement);

        List<String> trail = audit(created.id());
        assertThat(trail).hasSizeGreaterThanOrEqualTo(3).noneMatch(s -> s.contains("CANARY"));
        assertThat(String.join("\n", trail)).contains("clientSecret").contains(EntraFixtures.CLIENT_ID_FULL);
        assertThat(output.getAll()).doesNotContain(canary).doesNotContain(replacement);
        assertThat(created.toString() + replaced + refused).doesNotContain("CANARY");
    }

    @Test
    void aCertificatesPrivateKeyIsSealedAndOnlyItsPublicFactsAreShownOrAudited(CapturedOutput output) {
        TestCertificates.TestCertificate cert = TestCertificates.create("CN=InfraKitchen Secrets Test",
                Instant.now().plus(100, ChronoUnit.DAYS));
        String pkcs8 = cert.privateKeyPem();
        IntegrationDetail created = create(uniqueName("sp-cert"), ServicePrincipalInput.withCertificate(
                EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL, Secret.of(cert.certificatePem()
                        + cert.rsaPrivateKeyPem()), null));
        ServicePrincipalFacts facts = (ServicePrincipalFacts) created.credential();
        assertThat(facts.proof()).isEqualTo(PrincipalProof.CERTIFICATE);
        assertThat(facts.certificateSubject()).isEqualTo("CN=InfraKitchen Secrets Test");
        assertThat(facts.certificateThumbprint()).hasSize(40).isUpperCase();
        assertThat(facts.expiresOn()).isEqualTo(facts.certificateExpiresOn()).isNotNull();

        byte[] stored = jdbc.queryForObject("SELECT sp_certificate_ciphertext FROM integration WHERE id = ?",
                byte[].class, created.id());
        String opened = cipher.open(stored, IntegrationCredentials.certificatePlace(created.id())).reveal();
        assertThat(opened).as("stored as PKCS#8 whatever was uploaded (here PKCS#1)")
                .contains(TestSshKeys.begin("PRIVATE KEY")).contains("-----BEGIN CERTIFICATE-----");

        jdbc.update("UPDATE integration SET sp_certificate_key_id = ? WHERE id = ?", cipher.primaryKeyId() + 9,
                created.id());
        assertThat(As.user("sp-admin", "ADMIN", () -> rotation.reencryptSecrets()).remaining()).isZero();
        assertThat(cipher.open(jdbc.queryForObject("SELECT sp_certificate_ciphertext FROM integration WHERE id = ?",
                byte[].class, created.id()), IntegrationCredentials.certificatePlace(created.id())).reveal())
                .isEqualTo(opened);

        String all = String.join("\n", audit(created.id())) + output.getAll() + created;
        for (String fragment : SecretScan.fragments(pkcs8)) {
            assertThat(all).doesNotContain(fragment);
        }
        assertThat(String.join("\n", audit(created.id()))).contains(facts.certificateThumbprint());
    }

    @Test
    void aNewTenantOrApplicationKeepsTheSecretButMakesTheStoredResultOutdated() throws Exception {
        FakeAzureDevOpsInitializer.sharedEntra().reset();
        IntegrationDetail created = create(uniqueName("sp-moved"), ServicePrincipalInput.withSecret(
                EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL, Secret.of(EntraFixtures.SECRET_FULL), null));
        assertThat(testStored(created.id()).category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(jdbc.queryForObject("SELECT connection FROM integration WHERE id = ?", String.class,
                created.id())).isEqualTo("CONNECTED");

        As.user("sp-editor", "EDITOR", () -> integrations.update(created.id(), created.version(), created.data(),
                CredentialChange.keep(new CredentialSettings.ServicePrincipalSettings(EntraFixtures.TENANT_DOMAIN,
                        EntraFixtures.CLIENT_ID_FULL, PrincipalProof.CLIENT_SECRET, null))));
        assertThat(jdbc.queryForObject("SELECT connection FROM integration WHERE id = ?", String.class,
                created.id())).isEqualTo("OUTDATED");
        assertThat(jdbc.queryForObject("SELECT sp_secret_ciphertext IS NOT NULL FROM integration WHERE id = ?",
                Boolean.class, created.id())).as("the secret is kept").isTrue();
        assertThat(testStored(created.id()).category()).as("the domain is the same tenant")
                .isEqualTo(CheckCategory.CONNECTED);

        IntegrationDetail current = As.user("sp-editor", "EDITOR", () -> integrations.get(created.id())).orElseThrow();
        assertThatThrownBy(() -> As.user("sp-editor", "EDITOR", () -> integrations.update(created.id(),
                current.version(), current.data(), CredentialChange.keep(new CredentialSettings
                        .ServicePrincipalSettings(EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL,
                                PrincipalProof.CERTIFICATE, null)))))
                .isInstanceOfSatisfying(IntegrationRuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("proof");
                    assertThat(v.getMessage()).contains("enter the new one");
                });
        assertThatThrownBy(() -> As.user("sp-editor", "EDITOR", () -> integrations.update(created.id(),
                current.version(), current.data(), CredentialChange.replace(ServicePrincipalInput.federated(
                        EntraFixtures.TENANT_ID, EntraFixtures.CLIENT_ID_FULL)))))
                .isInstanceOfSatisfying(IntegrationRuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("proof");
                    assertThat(v.getMessage()).contains("app.entra.federated-token-file");
                });
    }
}
