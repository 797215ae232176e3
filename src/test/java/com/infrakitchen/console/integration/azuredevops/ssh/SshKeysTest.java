package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.azuredevops.AzureKeyPolicy;
import com.infrakitchen.console.integration.credential.ssh.GeneratedKey;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation.Problem;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.jcraft.jsch.JSch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key rules of docs/product.md 4 and docs/security.md 6.1 (I-11 to I-17), every accepted format read back through JSch
 * 2.28.8, and fingerprints as {@code ssh-keygen -l} prints them. Keys are generated at test time (TestSshKeys).
 */
class SshKeysTest {

    static final String PASS = TestSshKeys.PASSPHRASE;
    static final KeyPair ALICE = TestSshKeys.alice();
    /** Made once: JSch's bcrypt takes most of a second per OpenSSH encryption or decryption. */
    static final String OPENSSH_ENCRYPTED = TestSshKeys.openssh(ALICE, PASS, "alice");
    static GeneratedKey generated;

    @BeforeAll
    static void generateOnce() {
        generated = SshKeys.generate("infrakitchen@contoso");
    }

    static Secret pass(String value) {
        return value == null ? null : Secret.of(value);
    }

    static SshKeyRuleViolation refusal(String key, String passphrase) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SshKeys.parse(key, pass(passphrase), AzureKeyPolicy.INSTANCE));
        assertThat(thrown).isInstanceOf(SshKeyRuleViolation.class).isInstanceOf(SshKeyRuleViolation.class);
        SshKeyRuleViolation v = (SshKeyRuleViolation) thrown;
        assertThat(v.getMessage()).doesNotContain(PASS).doesNotContain("AAAA");
        if (key != null) {
            for (String line : key.split("\n")) {
                if (line.length() > 20 && !line.startsWith("-----") && !line.contains(":")) {
                    assertThat(v.getMessage()).doesNotContain(line.strip());
                }
            }
        }
        assertThat(v.getCause()).isNull();
        return v;
    }

    // ---- docs/security.md 6.1 ------------------------------------------------------------------------------------

    @Test
    void i11_aMegabytePasteIsRefusedBySizeBeforeParsing() {
        String huge = TestSshKeys.pkcs8(ALICE) + "A".repeat(1024 * 1024);
        long start = System.nanoTime();
        SshKeyRuleViolation v = refusal(huge, null);
        assertThat(v.problem()).isEqualTo(Problem.TOO_LARGE);
        assertThat(v.field()).isEqualTo("sshKey");
        assertThat(v.getMessage()).contains("at most 16 KiB");
        // refused by its size before it is parsed (TOO_LARGE, not a parse error); the bound only catches a
        // pathological parse, with room for a loaded 2-core CI machine
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);

        assertThatThrownBy(() -> SshKeys.parse(Secret.of(huge), null, AzureKeyPolicy.INSTANCE)).isInstanceOfSatisfying(SshKeyRuleViolation.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
        // Multi-byte characters count as UTF-8 bytes: 6,000 × 3 bytes is over the limit.
        assertThat(refusal(TestSshKeys.begin("PRIVATE KEY") + "\n" + "€".repeat(6000), null).problem())
                .isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void i12_aPublicKeyInThePrivateKeyFieldIsRecognised() {
        String[] ed = TestSshKeys.ed25519WithPublicLine();
        SshKeyRuleViolation v = refusal(ed[1], null);
        assertThat(v.problem()).isEqualTo(Problem.PUBLIC_KEY);
        assertThat(v.getMessage()).startsWith("This is a public key (ssh-ed25519)").contains("paste the private key");

        for (String publicKey : List.of(TestSshKeys.publicLine(ALICE, "alice@contoso"), TestSshKeys.publicPem(ALICE),
                TestSshKeys.publicSecsh(ALICE), "command=\"x\" " + TestSshKeys.publicLine(ALICE, "a"))) {
            assertThat(refusal(publicKey, null).problem()).as(publicKey.substring(0, 20)).isEqualTo(Problem.PUBLIC_KEY);
        }
    }

    @Test
    void i13_randomTextOrATruncatedKeyIsNotAValidPrivateKey() {
        SshKeyRuleViolation junk = refusal("hello, this is not a key", null);
        assertThat(junk.problem()).isEqualTo(Problem.INVALID);
        assertThat(junk.getMessage()).startsWith("This is not a valid private key");

        String key = TestSshKeys.openssh(ALICE, null, "alice");
        String firstHalf = key.substring(0, key.length() / 2);
        assertThat(refusal(firstHalf, null).getMessage()).contains("incomplete")
                .contains(TestSshKeys.end("OPENSSH PRIVATE KEY"));

        List<String> lines = new ArrayList<>(List.of(key.split("\n")));
        lines.subList(3, 10).clear();
        SshKeyRuleViolation damaged = refusal(String.join("\n", lines), null);
        assertThat(damaged.problem()).isEqualTo(Problem.INVALID);
        assertThat(damaged.getMessage()).contains("damaged or incomplete");

        String pkcs8 = TestSshKeys.pkcs8(ALICE);
        String notBase64 = pkcs8.replaceFirst("\n([A-Za-z0-9+/]{10})", "\n!!!!!!!!!!");
        assertThat(refusal(notBase64, null).problem()).isEqualTo(Problem.INVALID);
        assertThat(refusal("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", null).getMessage())
                .contains("certificate");
        assertThat(refusal(key + key, null).getMessage()).contains("more than one key");
    }

    @Test
    void i14_aDsaKeyIsRefusedAsUnsupported() {
        for (String dsa : List.of(TestSshKeys.otherType(com.jcraft.jsch.KeyPair.DSA, 1024, null),
                TestSshKeys.otherTypePem(com.jcraft.jsch.KeyPair.DSA, 1024))) {
            SshKeyRuleViolation v = refusal(dsa, null);
            assertThat(v.problem()).isEqualTo(Problem.UNSUPPORTED_TYPE);
            assertThat(v.getMessage()).startsWith("This is a DSA key (1024 bits); DSA keys are not supported:")
                    .contains("Azure DevOps accepts only RSA keys");
        }
    }

    @Test
    void i15_anEncryptedKeyWithoutPassphraseAsksForIt() {
        for (String key : encryptedFormats().map(a -> (String) a.get()[1]).toList()) {
            for (String none : new String[] {null, ""}) {
                SshKeyRuleViolation v = refusal(key, none);
                assertThat(v.problem()).isEqualTo(Problem.PASSPHRASE_REQUIRED);
                assertThat(v.field()).isEqualTo("passphrase");
                assertThat(v.getMessage()).isEqualTo("This key is encrypted: enter its passphrase");
            }
        }
    }

    @Test
    void i16_aWrongPassphraseIsSaidToNotDecryptTheKey() {
        for (String key : encryptedFormats().map(a -> (String) a.get()[1]).toList()) {
            SshKeyRuleViolation v = refusal(key, "not the passphrase");
            assertThat(v.problem()).isEqualTo(Problem.WRONG_PASSPHRASE);
            assertThat(v.field()).isEqualTo("passphrase");
            assertThat(v.getMessage()).isEqualTo("The passphrase does not decrypt this key");
        }
    }

    @Test
    void i17_crlfKeysAreAcceptedPuttyKeysAreSentToExportAndPkcs8IsRead() {
        for (Arguments format : allFormats().toList()) {
            String key = (String) format.get()[1];
            String passphrase = (String) format.get()[2];
            ParsedKey crlf = SshKeys.parse(key.replace("\n", "\r\n"), pass(passphrase), AzureKeyPolicy.INSTANCE);
            assertThat(crlf.sha256Fingerprint()).as((String) format.get()[0]).isEqualTo(aliceSha256());
            assertThat(new String(crlf.privateKeyBytes(), StandardCharsets.US_ASCII)).doesNotContain("\r");
        }
        SshKeyRuleViolation putty = refusal(TestSshKeys.puttyPpk(ALICE), null);
        assertThat(putty.problem()).isEqualTo(Problem.PUTTY);
        assertThat(putty.getMessage()).contains("export it to OpenSSH first");

        assertThat(SshKeys.parse(TestSshKeys.pkcs8(ALICE), null, AzureKeyPolicy.INSTANCE).description()).isEqualTo("RSA 2048");
    }

    // ---- key types and sizes --------------------------------------------------------------------------------

    @Test
    void ed25519AndEcdsaKeysAreRefusedNamingTheTypeFound() {
        SshKeyRuleViolation ed = refusal(TestSshKeys.otherType(com.jcraft.jsch.KeyPair.ED25519, 256, null), null);
        assertThat(ed.problem()).isEqualTo(Problem.UNSUPPORTED_TYPE);
        assertThat(ed.getMessage()).startsWith("This is an ED25519 key; Azure DevOps accepts only RSA keys");

        SshKeyRuleViolation ec = refusal(TestSshKeys.otherTypePem(com.jcraft.jsch.KeyPair.ECDSA, 384), null);
        assertThat(ec.getMessage()).startsWith("This is an ECDSA key (384 bits); Azure DevOps accepts only RSA keys");
    }

    @Test
    void anEncryptedNonRsaKeyIsRefusedForItsTypeBeforeAnyPassphraseIsAskedFor() {
        String ed = TestSshKeys.otherType(com.jcraft.jsch.KeyPair.ED25519, 256, PASS);
        assertThat(refusal(ed, null).problem()).isEqualTo(Problem.UNSUPPORTED_TYPE);
    }

    @Test
    void rsaKeysBelow2048BitsAreRefusedWithTheSizeFound() {
        SshKeyRuleViolation v = refusal(TestSshKeys.pkcs1(TestSshKeys.rsa(1024)), null);
        assertThat(v.problem()).isEqualTo(Problem.TOO_SMALL);
        assertThat(v.getMessage()).startsWith("This RSA key has 1024 bits; Azure DevOps needs at least 2048");
    }

    @Test
    void encryptionJschCannotUndoIsSaidSoInsteadOfBlamingThePassphrase() throws Exception {
        String pbes1 = pkcs8WithPbes1(ALICE);
        SshKeyRuleViolation v = refusal(pbes1, PASS);
        assertThat(v.problem()).isEqualTo(Problem.UNSUPPORTED_ENCRYPTION);
        assertThat(v.getMessage()).contains("PBEWithSHA1AndDESede").contains("ssh-keygen -p");

        String desCbc = TestSshKeys.pkcs1EncryptedDes3(ALICE, PASS).replace("DES-EDE3-CBC", "DES-CBC");
        assertThat(refusal(desCbc, PASS).problem()).isEqualTo(Problem.UNSUPPORTED_ENCRYPTION);
    }

    @Test
    void emptyInputIsRequired() {
        assertThat(refusal("  \n ", null).problem()).isEqualTo(Problem.MISSING);
        assertThatThrownBy(() -> SshKeys.parse((String) null, null, AzureKeyPolicy.INSTANCE)).isInstanceOf(SshKeyRuleViolation.class);
        assertThatThrownBy(() -> SshKeys.parse((Secret) null, null, AzureKeyPolicy.INSTANCE)).isInstanceOf(SshKeyRuleViolation.class);
    }

    @Test
    void textAroundTheKeyBlockIsIgnored() {
        String exported = "Bag Attributes\n    friendlyName: alice\nKey Attributes: <No Attributes>\n"
                + TestSshKeys.pkcs8(ALICE) + "\n\n";
        ParsedKey key = SshKeys.parse("\uFEFF" + exported, null, AzureKeyPolicy.INSTANCE);
        assertThat(key.sha256Fingerprint()).isEqualTo(aliceSha256());
        assertThat(new String(key.privateKeyBytes(), StandardCharsets.US_ASCII))
                .startsWith(TestSshKeys.begin("PRIVATE KEY")).endsWith(TestSshKeys.end("PRIVATE KEY") + "\n");
    }

    // ---- formats --------------------------------------------------------------------------------------------

    static Stream<Arguments> plainFormats() {
        return Stream.of(
                Arguments.of("OpenSSH", TestSshKeys.openssh(ALICE, null, "alice@contoso"), null),
                Arguments.of("PEM PKCS#1", TestSshKeys.pkcs1(ALICE), null),
                Arguments.of("PKCS#8", TestSshKeys.pkcs8(ALICE), null));
    }

    static Stream<Arguments> encryptedFormats() {
        return Stream.of(
                Arguments.of("OpenSSH encrypted (aes256-ctr, bcrypt)", OPENSSH_ENCRYPTED, PASS),
                Arguments.of("PEM PKCS#1 Proc-Type ENCRYPTED, DES-EDE3-CBC",
                        TestSshKeys.pkcs1EncryptedDes3(ALICE, PASS), PASS),
                Arguments.of("PEM PKCS#1 Proc-Type ENCRYPTED, AES-128-CBC",
                        TestSshKeys.pkcs1EncryptedAes128(ALICE, PASS), PASS),
                Arguments.of("PKCS#8 encrypted (PBES2, AES-256)", TestSshKeys.pkcs8Encrypted(ALICE, PASS), PASS));
    }

    static Stream<Arguments> allFormats() {
        return Stream.concat(plainFormats(), encryptedFormats());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFormats")
    void eachFormatIsReadWithTheSameFactsAndJschCanUseTheResult(String format, String key, String passphrase)
            throws Exception {
        ParsedKey parsed = SshKeys.parse(key, pass(passphrase), AzureKeyPolicy.INSTANCE);

        assertThat(parsed.type()).isEqualTo("RSA");
        assertThat(parsed.bits()).isEqualTo(2048);
        assertThat(parsed.encrypted()).isEqualTo(passphrase != null);
        assertThat(parsed.sha256Fingerprint()).isEqualTo(aliceSha256());
        assertThat(parsed.md5Fingerprint()).isEqualTo(aliceMd5());
        assertThat(parsed.md5Hex()).isEqualTo(aliceMd5().substring(4));
        assertThat(parsed.publicKeyLine()).startsWith(TestSshKeys.publicLine(ALICE, "x").replace(" x", ""))
                .doesNotEndWith("\n");
        if (format.startsWith("OpenSSH")) {
            assertThat(parsed.publicKeyLine()).endsWith(passphrase == null ? " alice@contoso" : " alice");
        }
        assertThat(parsed.toString()).contains("Secret[****]").doesNotContain("PRIVATE KEY");

        // JSch 2.28.8 takes the normalised bytes as an identity, with the passphrase when there is one.
        JSch jsch = new JSch();
        jsch.addIdentity("test", parsed.privateKeyBytes(), null,
                passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
        assertThat(jsch.getIdentityNames()).containsExactly("test");
        com.jcraft.jsch.KeyPair reloaded = com.jcraft.jsch.KeyPair.load(jsch, parsed.privateKeyBytes(), null);
        assertThat(reloaded.decrypt(passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(SshKeys.sha256Fingerprint(reloaded.getPublicKeyBlob())).isEqualTo(aliceSha256());

        parsed.wipe();
        assertThat(parsed.privateKeyBytes()).containsOnly(0);
    }

    /**
     * A check decrypts an encrypted key once (issue 10 item 4): what it hands JSch is already decrypted, loads without
     * a passphrase and is the same key; the stored form is never this one ({@link SshKeys#parse} keeps the key as
     * given).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("encryptedFormats")
    void forACheckAnEncryptedKeyComesBackDecryptedOnceAndLoadsWithoutItsPassphrase(String format, String key,
            String passphrase) throws Exception {
        ParsedKey parsed = SshKeys.parseForCheck(com.infrakitchen.console.secret.Secret.of(key), pass(passphrase), AzureKeyPolicy.INSTANCE);
        assertThat(parsed.encrypted()).isTrue();
        if (format.startsWith("PKCS#8")) {
            // JSch cannot write its PKCS#8 keys back: the check loads the key as given (PBKDF2 is cheap next to bcrypt)
            assertThat(parsed.decrypted()).isFalse();
            return;
        }
        assertThat(parsed.decrypted()).isTrue();
        assertThat(parsed.sha256Fingerprint()).isEqualTo(aliceSha256());
        com.jcraft.jsch.KeyPair reloaded = com.jcraft.jsch.KeyPair.load(new JSch(), parsed.privateKeyBytes(), null);
        assertThat(reloaded.isEncrypted()).isFalse();
        assertThat(SshKeys.sha256Fingerprint(reloaded.getPublicKeyBlob())).isEqualTo(aliceSha256());
        JSch jsch = new JSch();
        jsch.addIdentity("test", parsed.privateKeyBytes(), null, null);
        assertThat(jsch.getIdentityNames()).containsExactly("test");

        ParsedKey stored = SshKeys.parse(key, pass(passphrase), AzureKeyPolicy.INSTANCE);
        assertThat(stored.decrypted()).isFalse();
        assertThat(com.jcraft.jsch.KeyPair.load(new JSch(), stored.privateKeyBytes(), null).isEncrypted()).isTrue();
        parsed.wipe();
        assertThat(parsed.privateKeyBytes()).containsOnly(0);
    }

    // ---- fingerprints ---------------------------------------------------------------------------------------

    static String aliceSha256() {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    static String aliceMd5() {
        return "MD5:" + HexFormat.ofDelimiter(":").formatHex(digest("MD5"));
    }

    private static byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(TestSshKeys.publicBlob(ALICE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fingerprintsMatchSshKeygen(@TempDir Path dir) throws Exception {
        Path keygen = Path.of("/usr/bin/ssh-keygen");
        assumeThat(Files.isExecutable(keygen)).as("ssh-keygen not installed: apt-get install openssh-client").isTrue();
        ParsedKey parsed = SshKeys.parse(TestSshKeys.pkcs1(ALICE), null, AzureKeyPolicy.INSTANCE);
        Path pub = dir.resolve("alice.pub");
        Files.writeString(pub, parsed.publicKeyLine() + "\n");

        assertThat(run(keygen.toString(), "-l", "-f", pub.toString()))
                .startsWith("2048 " + parsed.sha256Fingerprint() + " ");
        assertThat(run(keygen.toString(), "-l", "-E", "md5", "-f", pub.toString()))
                .startsWith("2048 " + parsed.md5Fingerprint() + " ");
        assertThat(SshKeys.sha256FingerprintOfLine(SshProperties.AZURE_DEVOPS_HOST_KEY))
                .isEqualTo(SshProperties.AZURE_DEVOPS_HOST_KEY_SHA256);
    }

    @Test
    void theAzureDevOpsHostKeyHasThePublishedFingerprints() {
        byte[] blob = Base64.getDecoder().decode(SshProperties.AZURE_DEVOPS_HOST_KEY.split(" ")[1]);
        assertThat(SshKeys.sha256Fingerprint(blob)).isEqualTo("SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og");
        assertThat(SshKeys.md5Fingerprint(blob)).isEqualTo("MD5:97:70:33:82:fd:29:3a:73:39:af:6a:07:ad:f8:80:49");
    }

    // ---- generate -------------------------------------------------------------------------------------------

    @Test
    void generatedKeysAreRsa4096InOpenSshFormatAndReadBack() {
        assertThat(generated.key().description()).isEqualTo("RSA 4096");
        assertThat(generated.key().encrypted()).isFalse();
        assertThat(generated.privateKey().reveal()).startsWith(TestSshKeys.begin("OPENSSH PRIVATE KEY") + "\n")
                .endsWith(TestSshKeys.end("OPENSSH PRIVATE KEY") + "\n");
        assertThat(generated.publicKeyLine()).startsWith("ssh-rsa AAAA").endsWith(" infrakitchen@contoso");
        assertThat(generated.sha256Fingerprint()).isEqualTo(SshKeys.sha256FingerprintOfLine(generated.publicKeyLine()));
        assertThat(generated.md5Fingerprint()).matches("MD5:([0-9a-f]{2}:){15}[0-9a-f]{2}");

        ParsedKey again = SshKeys.parse(generated.privateKey(), null, AzureKeyPolicy.INSTANCE);
        assertThat(again.sha256Fingerprint()).isEqualTo(generated.sha256Fingerprint());
        assertThat(again.publicKeyLine()).isEqualTo(generated.publicKeyLine());
        assertThat(generated.toString()).doesNotContain("OPENSSH PRIVATE KEY");
    }

    @Test
    void generatedKeysAreReadBySshKeygen(@TempDir Path dir) throws Exception {
        Path keygen = Path.of("/usr/bin/ssh-keygen");
        assumeThat(Files.isExecutable(keygen)).as("ssh-keygen not installed: apt-get install openssh-client").isTrue();
        Path key = dir.resolve("id_rsa");
        Files.writeString(key, generated.privateKey().reveal());
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String pub = run(keygen.toString(), "-y", "-f", key.toString()).strip();
        assertThat(generated.publicKeyLine()).startsWith(pub.split(" ")[0] + " " + pub.split(" ")[1]);
    }

    @Test
    void generatedCommentsLoseControlCharactersAndAnEmptyCommentIsNone() {
        GeneratedKey clean = SshKeys.generate("line\nbreak\u0007", 2048);
        try {
            assertThat(clean.publicKeyLine()).endsWith(" linebreak").doesNotContain("\n");
            assertThat(SshKeys.generate(" ", 2048).publicKeyLine()).matches("ssh-rsa [A-Za-z0-9+/=]+");
        } finally {
            clean.wipe();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** PKCS#8 with the PKCS#12 PBE scheme pbeWithSHAAnd3-KeyTripleDES-CBC (openssl pkcs8 -v1 PBE-SHA1-3DES). */
    static String pkcs8WithPbes1(KeyPair pair) throws Exception {
        String algorithm = "PBEWithSHA1AndDESede";
        var key = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(PASS.toCharArray()));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(new byte[8], 2048));
        byte[] encrypted = cipher.doFinal(pair.getPrivate().getEncoded());
        byte[] der = new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded();
        Function<byte[], String> b64 =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))::encodeToString;
        return TestSshKeys.begin("ENCRYPTED PRIVATE KEY") + "\n" + b64.apply(der) + "\n"
                + TestSshKeys.end("ENCRYPTED PRIVATE KEY") + "\n";
    }
}
