package com.infrakitchen.console.integration.credential.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeentra.TestCertificates;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;

/**
 * Reading a client certificate with its key (docs/product.md 4.1): every accepted form, and every refusal with the
 * field it concerns and a message that says what to do and never holds key material.
 */
class ClientCertificatesTest {

    static final Instant NOW = Instant.now();
    static final TestCertificates.TestCertificate CERT = TestCertificates.create("CN=InfraKitchen Parse",
            NOW.plus(Duration.ofDays(90)));

    static ClientCertificate parse(String text, String password) {
        return ClientCertificates.parse(Secret.of(text), password == null ? null : Secret.of(password), NOW);
    }

    static void refused(String text, String password, String field, String message) {
        assertThatThrownBy(() -> parse(text, password)).isInstanceOfSatisfying(CertificateRuleViolation.class, v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.getMessage()).contains(message).doesNotContain("MII");
        });
    }

    @Test
    void aPemWithItsPkcs8KeyInEitherOrderGivesItsPublicFacts() throws Exception {
        ClientCertificate read = parse(CERT.privateKeyPem() + CERT.certificatePem(), null);
        assertThat(read.subject()).isEqualTo("CN=InfraKitchen Parse");
        assertThat(read.keyBits()).isEqualTo(2048);
        assertThat(read.expiresOn()).isEqualTo(LocalDate.ofInstant(CERT.certificate().getNotAfter().toInstant(),
                ZoneOffset.UTC));
        assertThat(read.sha1Thumbprint()).isEqualTo(HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-1").digest(CERT.certificate().getEncoded())));
        assertThat(read.sha256Thumbprint()).isEqualTo(CERT.x5tS256());
        assertThat(read.toString()).doesNotContain("MII");
        assertThat(read.pem()).as("stored as PKCS#8").contains(TestSshKeys.begin("PRIVATE KEY"));
        assertThat(parse(read.pem(), null).sha1Thumbprint()).as("what is stored reads back the same")
                .isEqualTo(read.sha1Thumbprint());
    }

    @Test
    void aPkcs1KeyAndAPkcs12FileWithItsPasswordAreRead() {
        assertThat(parse(CERT.certificatePem() + CERT.rsaPrivateKeyPem(), null).keyBits()).isEqualTo(2048);
        String p12 = ServicePrincipalInput.PKCS12_PREFIX + Base64.getEncoder()
                .encodeToString(CERT.pkcs12("fake-pass".toCharArray()));
        assertThat(parse(p12, "fake-pass").subject()).isEqualTo("CN=InfraKitchen Parse");
        refused(p12, "wrong-pass", "certificatePassword", "does not open");
        refused(p12, null, "certificatePassword", "Certificate Password");
    }

    @Test
    void anEncryptedPkcs8KeyNeedsItsPassword() throws Exception {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .setPassword("fake-pass".toCharArray()).build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(CERT.privateKey(), encryptor));
        }
        String encrypted = CERT.certificatePem() + out;
        assertThat(encrypted).contains("ENCRYPTED PRIVATE KEY");
        assertThat(parse(encrypted, "fake-pass").keyBits()).isEqualTo(2048);
        refused(encrypted, null, "certificatePassword", "encrypted");
        refused(encrypted, "wrong-pass", "certificatePassword", "does not decrypt");
    }

    @Test
    void whatEntraWouldRefuseIsRefusedHereWithWhatToDo() {
        TestCertificates.TestCertificate other = TestCertificates.create("CN=Other", NOW.plus(Duration.ofDays(90)));
        refused(CERT.certificatePem(), null, "certificate", "private key is missing");
        refused(CERT.certificatePem() + other.privateKeyPem(), null, "certificate", "does not belong");
        TestCertificates.TestCertificate ended = TestCertificates.create("CN=Ended", NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(1)));
        refused(ended.pem(), null, "certificate", "ended on");
        refused("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----\n", null,
                "certificate", "public key");
        refused("just some text", null, "certificate", "not a PEM certificate");
        refused("", null, "certificate", "Certificate is required");
        refused(ServicePrincipalInput.PKCS12_PREFIX + "bm90IGEgcGtjczEy", "x", "certificate", "PKCS#12");
    }
}
