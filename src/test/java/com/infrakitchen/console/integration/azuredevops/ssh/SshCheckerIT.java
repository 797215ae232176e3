package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.azuredevops.AzureKeyPolicy;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh.Mode;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The SSH check against the MINA fake of Azure DevOps (docs/azure-devops.md 12.4): the faults of docs/security.md 6.4 (X-01
 * to X-09) and Azure DevOps' own refusals at exec (key not registered, repository not found, SHA-1 brownout,
 * Conditional Access), the {@code ssh -T} false positive, and cancellation. Bounds are 2 s here so that the
 * timeouts are quick to prove.
 */
class SshCheckerIT {

    static final Duration BOUND = Duration.ofSeconds(2);
    static final String ALICE_KEY = TestSshKeys.pkcs8(TestSshKeys.alice());
    static final String BOB_KEY = TestSshKeys.pkcs1(TestSshKeys.bob());

    static FakeAzureDevOpsSsh fake;

    @BeforeAll
    static void startFake() {
        fake = FakeAzureDevOpsSsh.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
        fake.registerKey(TestSshKeys.alice().getPublic());
    }

    SshProperties props(String knownHosts) {
        return new SshProperties(fake.host(), fake.port(), "git", knownHosts, null, BOUND, BOUND);
    }

    SshChecker checker() {
        return new SshChecker(props(fake.knownHostsLine()), Clock.systemUTC());
    }

    static SshCheckInput input(String repository, String key, String passphrase) {
        return SshCheckInput.withTestRepository("contoso", repository, key == null ? null : Secret.of(key),
                passphrase == null ? null : Secret.of(passphrase), "fp-1");
    }

    static CheckResult check(SshChecker checker, SshCheckInput input) {
        return checker.check(input, new Cancellation());
    }

    static CheckStep step(CheckResult result, String name) {
        return result.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no step " + name + " in " + result.steps()));
    }

    static void assertNoSecretIn(CheckResult result, String key, String passphrase) {
        String text = result.toString();
        for (String line : key.split("\n")) {
            if (line.length() > 16 && !line.startsWith("-----")) {
                assertThat(text).doesNotContain(line);
            }
        }
        if (passphrase != null) {
            assertThat(text).doesNotContain(passphrase);
        }
    }

    // ---- X-01 and success ------------------------------------------------------------------------------------

    @Test
    void x01_aTrustedHostAndARegisteredKeyGetTheReferenceListAndConnect() {
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.outcome()).isEqualTo(CheckOutcome.CONNECTED);
        assertThat(r.organization()).isEqualTo("contoso");
        assertThat(r.fingerprint()).isEqualTo("fp-1");
        assertThat(r.decisive()).isNull();
        assertThat(r.steps()).extracting(CheckStep::name).containsExactlyElementsOf(SshChecker.STEPS);
        // the fake listens on an IP address: nothing to resolve; every other step passed
        assertThat(step(r, SshChecker.STEP_DNS).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(step(r, SshChecker.STEP_DNS).summary()).isEqualTo("127.0.0.1 is an IP address: there is nothing"
                + " to resolve.");
        assertThat(r.steps()).filteredOn(s -> !s.name().equals(SshChecker.STEP_DNS)).extracting(CheckStep::status)
                .containsOnly(StepStatus.PASSED);
        assertThat(step(r, SshChecker.STEP_LOCAL).summary()).contains("RSA 2048").contains("SHA256:").contains("MD5:");
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).contains(fake.hostKeySha256());
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary())
                .contains("Web/web-app (5 references; HEAD is refs/heads/main)");
        assertThat(fake.execCommands()).containsExactly("git-upload-pack 'v3/contoso/Web/web-app'");
        assertThat(fake.signatureAlgorithms()).isNotEmpty().allMatch(a -> a.startsWith("rsa-sha2-"));
        assertThat(fake.shellRequests()).isZero();
        // seconds at most, never a hang: a loaded 2-core CI machine may need several for the RSA handshake
        assertThat(r.durationMillis()).isLessThan(Duration.ofSeconds(10).toMillis());
        assertNoSecretIn(r, ALICE_KEY, null);
    }

    @Test
    void anEmptyRepositoryAlsoProvesTheKey() {
        CheckResult r = check(checker(), input("Web/empty-repo", ALICE_KEY, null));
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains("exists and is empty");
    }

    @Test
    void anEmptyRepositoryAdvertisedAsGitDoesWithAFlushAloneAlsoProvesTheKey() {
        fake.setMode(Mode.GIT_STYLE_EMPTY_REPOSITORY);
        CheckResult r = check(checker(), input("Web/empty-repo", ALICE_KEY, null));
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains("empty reference list")
                .contains("ended cleanly");
    }

    @Test
    void encryptedKeysWorkEndToEndWithTheirPassphrase() {
        String pass = TestSshKeys.PASSPHRASE;
        for (String key : List.of(TestSshKeys.pkcs8Encrypted(TestSshKeys.alice(), pass),
                TestSshKeys.pkcs1EncryptedAes128(TestSshKeys.alice(), pass),
                TestSshKeys.openssh(TestSshKeys.alice(), pass, "alice"))) {
            CheckResult r = check(checker(), input("Web/web-app", key.replace("\n", "\r\n"), pass));
            assertThat(r.category()).as(key.lines().findFirst().orElseThrow()).isEqualTo(CheckCategory.CONNECTED);
            assertThat(step(r, SshChecker.STEP_LOCAL).summary()).contains("encrypted; the passphrase decrypts it");
            assertNoSecretIn(r, key, pass);
        }
    }

    @Test
    void namesWithSpacesAreSentAsAzureDevOpsWritesThem() {
        CheckResult r = check(checker(), input("Fabrikam Fiber/web-app", ALICE_KEY, null));
        assertThat(fake.execCommands()).containsExactly("git-upload-pack 'v3/contoso/Fabrikam%20Fiber/web-app'");
        assertThat(r.category()).isEqualTo(CheckCategory.SSH_REPOSITORY_NOT_FOUND);
    }

    @Test
    void propertiesDefaultToAzureDevOpsWithItsPinnedHostKey() {
        SshProperties bound = new Binder(new MapConfigurationPropertySource(Map.of("app.azure-devops.ssh.port", "22")))
                .bindOrCreate("app.azure-devops.ssh", SshProperties.class);
        assertThat(bound).isEqualTo(SshProperties.azureDevOps());
        assertThat(bound.knownHostsText()).startsWith("ssh.dev.azure.com ssh-rsa AAAAB3NzaC1yc2E")
                .contains("\nvs-ssh.visualstudio.com ssh-rsa AAAAB3NzaC1yc2E");
        assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(bound.timeout()).isEqualTo(Duration.ofSeconds(10));

        SshProperties custom = new Binder(new MapConfigurationPropertySource(Map.of(
                "app.azure-devops.ssh.host", "ado.contoso.example", "app.azure-devops.ssh.port", "2222",
                "app.azure-devops.ssh.timeout", "3s"))).bindOrCreate("app.azure-devops.ssh", SshProperties.class);
        assertThat(custom.host()).isEqualTo("ado.contoso.example");
        assertThat(custom.port()).isEqualTo(2222);
        assertThat(custom.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(custom.user()).isEqualTo("git");
    }

    @Test
    void knownHostsMayComeFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# trusted by the administrator\n" + fake.knownHostsLine() + "\n");
        SshProperties props = new SshProperties(fake.host(), fake.port(), "git", "", file, BOUND, BOUND);
        CheckResult r = check(new SshChecker(props, Clock.systemUTC()), input("Web/web-app", ALICE_KEY, null));
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
    }

    // ---- host keys: X-02 to X-05 -------------------------------------------------------------------------------

    @Test
    void x02_anUnknownHostKeyIsRefusedShowingItsFingerprintForApproval() {
        SshChecker checker = new SshChecker(props(SshProperties.AZURE_DEVOPS_KNOWN_HOSTS), Clock.systemUTC());
        CheckResult r = check(checker, input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_HOST_KEY_UNKNOWN);
        CheckStep hostKey = step(r, SshChecker.STEP_HOST_KEY);
        assertThat(hostKey.status()).isEqualTo(StepStatus.FAILED);
        assertThat(hostKey.summary()).contains("RSA " + fake.hostKeySha256()).contains("[127.0.0.1]:" + fake.port());
        assertThat(r.decisive().method()).isEqualTo("SSH");
        assertThat(r.decisive().error()).contains(fake.hostKeySha256());
        assertThat(step(r, SshChecker.STEP_AUTH).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(fake.signatureAlgorithms()).isEmpty();
        assertThat(fake.execCommands()).isEmpty();
    }

    @Test
    void x03_aChangedHostKeyIsRefusedShowingBothFingerprintsAndNothingIsSent() {
        fake.setMode(Mode.HOST_KEY_CHANGED);
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_HOST_KEY_CHANGED);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary())
                .contains("presented the host key RSA " + fake.otherHostKeySha256())
                .contains("trusted key for [127.0.0.1]:" + fake.port() + " is RSA " + fake.hostKeySha256());
        assertThat(r.decisive().error()).contains(fake.otherHostKeySha256()).contains(fake.hostKeySha256());
        assertThat(fake.signatureAlgorithms()).as("never authenticated to the impostor").isEmpty();
        assertThat(fake.execCommands()).isEmpty();
    }

    @Test
    void aRevokedHostKeyIsRefusedLikeAChangedOne() {
        String revoked = "@revoked " + fake.knownHostsLine() + "\n" + fake.otherKnownHostsLine() + "\n";
        CheckResult r = check(new SshChecker(props(revoked), Clock.systemUTC()), input("Web/web-app", ALICE_KEY,
                null));
        assertThat(r.category()).isIn(CheckCategory.SSH_HOST_KEY_CHANGED);
        assertThat(fake.execCommands()).isEmpty();
    }

    @Test
    void x04_everySessionChecksHostKeysStrictlyWithRsaSha2Only() throws Exception {
        assertThat(SshSessions.SESSION_CONFIG).containsEntry("StrictHostKeyChecking", "yes")
                .containsEntry("PreferredAuthentications", "publickey")
                .containsEntry("server_host_key", "rsa-sha2-512,rsa-sha2-256")
                .containsEntry("PubkeyAcceptedAlgorithms", "rsa-sha2-512,rsa-sha2-256");

        JSch jsch = new JSch();
        jsch.setKnownHosts(new ByteArrayInputStream(fake.knownHostsLine().getBytes(StandardCharsets.US_ASCII)));
        HostKeyWatch watch = new HostKeyWatch(jsch.getHostKeyRepository());
        Session session = new SshSessions(props(fake.knownHostsLine())).newSession(jsch, watch,
                new WatchedSockets(1000, () -> { }));

        assertThat(session.getConfig("StrictHostKeyChecking")).isEqualTo("yes");
        assertThat(session.getConfig("PreferredAuthentications")).isEqualTo("publickey");
        assertThat(session.getConfig("server_host_key")).doesNotContain("ssh-rsa,").doesNotEndWith("ssh-rsa")
                .isEqualTo("rsa-sha2-512,rsa-sha2-256");
        assertThat(session.getConfig("PubkeyAcceptedAlgorithms")).isEqualTo("rsa-sha2-512,rsa-sha2-256");
        assertThat(session.getHostKeyRepository()).isSameAs(watch);
        assertThat(session.getTimeout()).isEqualTo((int) BOUND.toMillis());
        assertThat(session.getUserName()).isEqualTo("git");

        // The trusted keys are never added to or removed from, whatever JSch asks.
        HostKey learned = new HostKey("[127.0.0.1]:1", HostKey.SSHRSA, TestSshKeys.publicBlob(TestSshKeys.bob()));
        watch.add(learned, null);
        watch.remove(fake.host(), "ssh-rsa");
        assertThat(watch.getHostKey()).hasSize(1);
        assertThat(watch.check("[127.0.0.1]:1", TestSshKeys.publicBlob(TestSshKeys.bob())))
                .isEqualTo(HostKeyRepository.NOT_INCLUDED);
        // The library's global defaults are untouched: only the session is configured.
        assertThat(JSch.getConfig("StrictHostKeyChecking")).isEqualTo("ask");
    }

    @Test
    void x05_aServerOfferingOnlySha1HostKeySignaturesFailsNegotiationWithoutDowngrade() {
        fake.setMode(Mode.SHA1_HOST_KEY_ONLY);
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_ALGORITHM_MISMATCH);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).contains("No common server_host_key algorithm")
                .contains("the server offers ssh-rsa").contains("InfraKitchen accepts rsa-sha2-512,rsa-sha2-256");
        assertThat(fake.signatureAlgorithms()).isEmpty();
    }

    // ---- authentication and Azure DevOps' answers -------------------------------------------------------------

    @Test
    void x06_aKeyRefusedAtSignInIsAnAuthenticationFailure() {
        fake.setMode(Mode.REJECT_AT_AUTH);
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_AUTH_FAILED);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, SshChecker.STEP_AUTH).summary()).contains("refused the RSA 2048-bit key")
                .contains("Auth fail for methods 'publickey'");
        assertThat(step(r, SshChecker.STEP_REPOSITORY).status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void aKeyNotRegisteredSignsInButIsRefusedAtExecWithItsMd5ToCompare() {
        CheckResult r = check(checker(), input("Web/web-app", BOB_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_KEY_NOT_REGISTERED);
        assertThat(step(r, SshChecker.STEP_AUTH).status()).isEqualTo(StepStatus.PASSED);
        String md5 = SshKeys.parse(BOB_KEY, null, AzureKeyPolicy.INSTANCE).md5Hex();
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains(md5);
        assertThat(r.decisive().serverMessage()).isEqualTo(FakeAzureDevOpsSsh.KEY_NOT_REGISTERED.strip());
        assertThat(r.decisive().status()).isEqualTo(FakeAzureDevOpsSsh.REFUSED_EXIT_STATUS);
        assertThat(r.decisive().url()).isEqualTo("ssh://git@127.0.0.1:" + fake.port() + "/v3/contoso/Web/web-app");
        assertThat(r.hint()).contains("User settings, SSH public keys").contains("expire after a year");
    }

    @Test
    void aMissingRepositoryIsReportedWithAzureDevOpsMessage() {
        CheckResult r = check(checker(), input("Web/nope", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.SSH_REPOSITORY_NOT_FOUND);
        assertThat(r.decisive().serverMessage()).startsWith("remote: TF401019: The Git repository with name or"
                + " identifier nope does not exist");
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains("Web/nope");
    }

    @Test
    void theSha1BrownoutOnlyHitsClientsThatSignWithSshRsaAndTheCheckerNeverDoes() throws Exception {
        fake.setMode(Mode.SHA1_BROWNOUT);
        assertThat(check(checker(), input("Web/web-app", ALICE_KEY, null)).category())
                .isEqualTo(CheckCategory.CONNECTED);
        assertThat(fake.signatureAlgorithms()).allMatch(a -> a.startsWith("rsa-sha2-"));

        // The fake's side of the contract: a client signing with ssh-rsa (SHA-1) gets the brownout text.
        Exec exec = rawExec("ssh-rsa", "git-upload-pack 'v3/contoso/Web/web-app'");
        assertThat(exec.stderr()).isEqualTo(FakeAzureDevOpsSsh.SHA1_BROWNOUT);
        assertThat(exec.status()).isEqualTo(FakeAzureDevOpsSsh.REFUSED_EXIT_STATUS);
        assertThat(fake.signatureAlgorithms()).contains("ssh-rsa");
    }

    @Test
    void anSha1RefusalIsRecognisedFromItsText() {
        fake.setMode(Mode.SHA1_REFUSED_ALWAYS);
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));
        assertThat(r.category()).isEqualTo(CheckCategory.SSH_SHA1_REFUSED);
        assertThat(r.decisive().serverMessage()).contains("ERROR_SSH_UNSUPPORTED_CIPHER");
    }

    @Test
    void conditionalAccessIsRecognisedFromVs403463() {
        fake.setMode(Mode.CONDITIONAL_ACCESS);
        assertThat(check(checker(), input("Web/web-app", ALICE_KEY, null)).category())
                .isEqualTo(CheckCategory.CONDITIONAL_ACCESS_BLOCKED);
    }

    // ---- the fake's own contract ------------------------------------------------------------------------------

    @Test
    void theFakeReadsTheClientsFlushAndExitsZero() throws Exception {
        Session session = rawSession(ALICE_KEY, "rsa-sha2-512");
        try {
            ChannelExec exec = (ChannelExec) session.openChannel("exec");
            exec.setCommand("git-upload-pack 'v3/contoso/Web/web-app'");
            InputStream out = exec.getInputStream();
            OutputStream in = exec.getOutputStream();
            exec.connect(5000);
            PktLines.Advertisement advertisement = PktLines.read(out);
            assertThat(advertisement.refs()).isEqualTo(5);
            assertThat(advertisement.flush()).isTrue();
            in.write(PktLines.FLUSH);
            in.flush();
            assertThat(awaitExit(exec)).isZero();
        } finally {
            session.disconnect();
        }
    }

    @Test
    void theFakeRefusesNonRsaKeysAtSignIn() {
        String ed25519 = TestSshKeys.ed25519WithPublicLine()[0];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rawSession(ed25519, "ssh-ed25519"))
                .hasMessageStartingWith("Auth fail");
    }

    @Test
    void aKeyRegisteredFromThePublicLineTheConsoleShowsWorks() {
        String line = SshKeys.parse(BOB_KEY, null, AzureKeyPolicy.INSTANCE).publicKeyLine();
        fake.registerKey(line);
        assertThat(check(checker(), input("Web/web-app", BOB_KEY, null)).category())
                .isEqualTo(CheckCategory.CONNECTED);
    }

    // ---- the ssh -T false positive --------------------------------------------------------------------------

    @Test
    void theShellGreetingThatSshDashTSeesIsNeverSuccess() throws Exception {
        // What ssh -T sees, even with a key that is registered nowhere: sign-in works, the shell is refused.
        Exec shell = rawShell(BOB_KEY);
        assertThat(shell.stderr()).isEqualTo(FakeAzureDevOpsSsh.SHELL_GREETING);
        assertThat(shell.status()).isEqualTo(1);

        // The checker asks for a repository, so the same key is found out.
        CheckResult unregistered = check(checker(), input("Web/web-app", BOB_KEY, null));
        assertThat(step(unregistered, SshChecker.STEP_AUTH).status()).isEqualTo(StepStatus.PASSED);
        assertThat(unregistered.outcome()).isEqualTo(CheckOutcome.FAILED);

        // And a server that answers the Git request with the shell greeting is not Azure DevOps saying yes.
        fake.setMode(Mode.SHELL_GREETING_FOR_EXEC);
        CheckResult greeting = check(checker(), input("Web/web-app", ALICE_KEY, null));
        assertThat(greeting.category()).isEqualTo(CheckCategory.SSH_UNEXPECTED_RESPONSE);
        assertThat(step(greeting, SshChecker.STEP_REPOSITORY).summary()).contains("Shell access is not supported");
    }

    // ---- network faults, DNS ---------------------------------------------------------------------

    @Test
    void x07_aSilentServerTimesOutAtTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = acceptForever(silent, null);
            SshChecker checker = new SshChecker(new SshProperties("127.0.0.1", silent.getLocalPort(), "git",
                    fake.knownHostsLine(), null, Duration.ofSeconds(1), BOUND), Clock.systemUTC());
            long start = System.nanoTime();
            CheckResult r = check(checker, input("Web/web-app", ALICE_KEY, null));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
            assertThat(step(r, SshChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
            assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).contains("did not complete the SSH handshake"
                    + " within 1 s").contains("it sent nothing");
            assertThat(millis).isBetween(900L, 2500L);
            closeAll(accepted);
        }
    }

    @Test
    void x07_anHttpServerOnTheSshPortIsAProtocolError() throws Exception {
        byte[] answer = ("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            acceptForever(http, answer);
            SshChecker checker = new SshChecker(new SshProperties("127.0.0.1", http.getLocalPort(), "git",
                    fake.knownHostsLine(), null, BOUND, BOUND), Clock.systemUTC());
            CheckResult r = check(checker, input("Web/web-app", ALICE_KEY, null));

            assertThat(r.category()).isEqualTo(CheckCategory.SSH_PROTOCOL_ERROR);
            assertThat(step(r, SshChecker.STEP_HOST_KEY).summary())
                    .contains("answered \"HTTP/1.1 400 Bad Request\" instead of an SSH greeting");
        }
    }

    @Test
    void x08_aRefusedConnectionIsReportedAsSuch() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        SshChecker checker = new SshChecker(new SshProperties("127.0.0.1", port, "git", fake.knownHostsLine(), null,
                BOUND, BOUND), Clock.systemUTC());
        CheckResult r = check(checker, input("Web/web-app", ALICE_KEY, null));

        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTION_REFUSED);
        assertThat(step(r, SshChecker.STEP_TCP).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, SshChecker.STEP_TCP).summary()).contains("127.0.0.1").contains("port " + port);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void anUnresolvableHostIsADnsFailure() {
        SshChecker checker = new SshChecker(new SshProperties("ssh.dev.azure.invalid", 22, "git",
                SshProperties.AZURE_DEVOPS_KNOWN_HOSTS, null, BOUND, BOUND), Clock.systemUTC());
        CheckResult r = check(checker, input("Web/web-app", ALICE_KEY, null));
        assertThat(r.category()).isEqualTo(CheckCategory.DNS_FAILURE);
        assertThat(step(r, SshChecker.STEP_DNS).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, SshChecker.STEP_DNS).summary()).contains("ssh.dev.azure.invalid could not be resolved");
        assertThat(step(r, SshChecker.STEP_TCP).summary()).isEqualTo("Not reached");
    }

    @Test
    void x09_aServerThatStallsAfterSignInIsBoundedByTheTimeout() {
        fake.setMode(Mode.STALL_AFTER_AUTH);
        long start = System.nanoTime();
        CheckResult r = check(checker(), input("Web/web-app", ALICE_KEY, null));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
        assertThat(step(r, SshChecker.STEP_AUTH).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains("did not answer")
                .contains("within 2 s");
        // not before the bound; after it, room for a loaded 2-core CI machine (without the bound: never)
        assertThat(millis).isBetween(BOUND.toMillis() - 100, BOUND.toMillis() + 8000);
        awaitNoStalledExec();
    }

    // ---- cancellation -----------------------------------------------------------------------------------------

    @Test
    void cancellingDuringTheGitRequestDisconnectsAtOnce() throws Exception {
        fake.setMode(Mode.STALL_AFTER_AUTH);
        SshProperties slow = new SshProperties(fake.host(), fake.port(), "git", fake.knownHostsLine(), null, BOUND,
                Duration.ofSeconds(30));
        Cancellation cancellation = new Cancellation();
        CompletableFuture<CheckResult> running = CompletableFuture.supplyAsync(
                () -> new SshChecker(slow, Clock.systemUTC()).check(input("Web/web-app", ALICE_KEY, null),
                        cancellation));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fake.execCommands().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fake.execCommands()).hasSize(1);
        long start = System.nanoTime();
        cancellation.cancel();
        CheckResult r = running.get(10, TimeUnit.SECONDS);

        // "at once": well before the 30 s bound of the request, with room for a loaded 2-core CI machine
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
        assertThat(r.category()).isEqualTo(CheckCategory.CANCELLED);
        awaitNoStalledExec();
    }

    @Test
    void aTestCancelledBeforeItStartsConnectsNowhere() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        CheckResult r = checker().check(input("Web/web-app", ALICE_KEY, null), cancellation);
        assertThat(r.category()).isEqualTo(CheckCategory.CANCELLED);
        assertThat(fake.signatureAlgorithms()).isEmpty();
    }

    // ---- local checks: nothing leaves the machine -----------------------------------------------------------

    @Test
    void localProblemsAreReportedWithoutConnecting() {
        String[] ed25519 = TestSshKeys.ed25519WithPublicLine();
        assertThat(check(checker(), new SshCheckInput("-bad-", "Web", "web-app", Secret.of(ALICE_KEY), null, "f"))
                .category()).isEqualTo(CheckCategory.INVALID_ORGANIZATION_NAME);
        assertThat(check(checker(), input("web-app", ALICE_KEY, null)).category())
                .isEqualTo(CheckCategory.SSH_NO_REPOSITORY);
        assertThat(check(checker(), input("Web/it's", ALICE_KEY, null)).category())
                .isEqualTo(CheckCategory.SSH_NO_REPOSITORY);
        assertThat(check(checker(), input("Web/web-app", null, null)).category()).isEqualTo(CheckCategory.SSH_NO_KEY);
        assertThat(check(checker(), input("Web/web-app", ed25519[0], null)).category())
                .isEqualTo(CheckCategory.SSH_UNSUPPORTED_KEY_TYPE);
        assertThat(check(checker(), input("Web/web-app", ed25519[1], null)).category())
                .isEqualTo(CheckCategory.SSH_INVALID_KEY);
        String encrypted = TestSshKeys.pkcs8Encrypted(TestSshKeys.alice(), TestSshKeys.PASSPHRASE);
        assertThat(check(checker(), input("Web/web-app", encrypted, null)).category())
                .isEqualTo(CheckCategory.SSH_PASSPHRASE_REQUIRED);
        CheckResult wrong = check(checker(), input("Web/web-app", encrypted, "wrong passphrase"));
        assertThat(wrong.category()).isEqualTo(CheckCategory.SSH_WRONG_PASSPHRASE);
        assertThat(wrong.steps()).first().satisfies(s -> {
            assertThat(s.name()).isEqualTo(SshChecker.STEP_LOCAL);
            assertThat(s.summary()).isEqualTo("The passphrase does not decrypt this key.");
        });
        // the rest of the ladder did not run
        assertThat(wrong.steps()).extracting(CheckStep::name).containsExactlyElementsOf(SshChecker.STEPS);
        assertThat(wrong.steps().subList(1, wrong.steps().size())).allSatisfy(s -> assertThat(s.summary())
                .isEqualTo("Not reached"));
        assertNoSecretIn(wrong, encrypted, "wrong passphrase");
        assertThat(fake.signatureAlgorithms()).isEmpty();
        assertThat(fake.execCommands()).isEmpty();
    }

    @Test
    void everyKeyRuleMapsToAnSshCategory() {
        for (SshKeyRuleViolation.Problem problem : SshKeyRuleViolation.Problem.values()) {
            assertThat(LocalKeyChecks.category(problem).name()).startsWith("SSH_");
        }
    }

    // ---- pkt-lines --------------------------------------------------------------------------------------------

    @Test
    void theAdvertisementReaderStopsAtFlushAndRecognisesErrorsAndJunk() throws IOException {
        String sha = "a".repeat(40);
        PktLines.Advertisement ok = PktLines.read(stream(pkt("version 1\n")
                + pkt(sha + " HEAD\0symref=HEAD:refs/heads/main agent=x\n") + pkt(sha + " refs/heads/main\n") + "0000"
                + "trailing"));
        assertThat(ok.provesAccess()).isTrue();
        assertThat(ok.refs()).isEqualTo(2);
        assertThat(ok.flush()).isTrue();
        assertThat(ok.headTarget()).isEqualTo("refs/heads/main");

        PktLines.Advertisement empty = PktLines.read(stream(pkt("0".repeat(40) + " capabilities^{}\0caps\n") + "0000"));
        assertThat(empty.provesAccess()).isTrue();
        assertThat(empty.empty()).isTrue();
        assertThat(empty.refs()).isZero();

        PktLines.Advertisement err = PktLines.read(stream(pkt("ERR access denied\n")));
        assertThat(err.provesAccess()).isFalse();
        assertThat(err.error()).isEqualTo("access denied");

        PktLines.Advertisement junk = PktLines.read(stream("Welcome to the shell\n"));
        assertThat(junk.provesAccess()).isFalse();
        assertThat(junk.unexpected()).isEqualTo("Welcome to the shell");

        PktLines.Advertisement nothing = PktLines.read(stream(""));
        assertThat(nothing.provesAccess()).isFalse();
        assertThat(nothing.flush()).isFalse();
        assertThat(PktLines.read(stream("0000")).provesAccess()).as("a flush alone proves nothing").isFalse();
    }

    @Test
    void theRemoteMessageTableHasOneCategoryPerRow() {
        assertThat(RemoteMessages.RULES).extracting(RemoteMessages.Rule::name).doesNotHaveDuplicates();
        assertThat(RemoteMessages.classify(FakeAzureDevOpsSsh.SHA1_BROWNOUT)).get()
                .extracting(RemoteMessages.Rule::category).isEqualTo(CheckCategory.SSH_SHA1_REFUSED);
        assertThat(RemoteMessages.classify("remote: Public key authentication failed.\nfatal: Could not read from"
                + " remote repository.")).get().extracting(RemoteMessages.Rule::category)
                .isEqualTo(CheckCategory.SSH_KEY_NOT_REGISTERED);
        assertThat(RemoteMessages.classify("something else")).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static String pkt(String payload) {
        return String.format("%04x", payload.getBytes(StandardCharsets.UTF_8).length + 4) + payload;
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    record Exec(String stderr, int status) {
    }

    /** A plain JSch session to the fake, signing with the given algorithm: what other clients do. */
    Session rawSession(String key, String signatureAlgorithm) throws Exception {
        JSch jsch = new JSch();
        jsch.setKnownHosts(new ByteArrayInputStream(fake.knownHostsLine().getBytes(StandardCharsets.US_ASCII)));
        jsch.addIdentity("raw", key.getBytes(StandardCharsets.US_ASCII), null, null);
        Session session = jsch.getSession("git", fake.host(), fake.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PubkeyAcceptedAlgorithms", signatureAlgorithm);
        session.connect(5000);
        return session;
    }

    Exec rawExec(String signatureAlgorithm, String command) throws Exception {
        Session session = rawSession(ALICE_KEY, signatureAlgorithm);
        try {
            ChannelExec exec = (ChannelExec) session.openChannel("exec");
            exec.setCommand(command);
            InputStream err = exec.getErrStream();
            exec.connect(5000);
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            return new Exec(text, awaitExit(exec));
        } finally {
            session.disconnect();
        }
    }

    Exec rawShell(String key) throws Exception {
        Session session = rawSession(key, "rsa-sha2-256");
        try {
            ChannelShell shell = (ChannelShell) session.openChannel("shell");
            shell.setPty(false);
            InputStream err = shell.getExtInputStream();
            shell.connect(5000);
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8);
            return new Exec(text, awaitExit(shell));
        } finally {
            session.disconnect();
        }
    }

    static int awaitExit(com.jcraft.jsch.Channel channel) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!channel.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return channel.getExitStatus();
    }

    static List<Socket> acceptForever(ServerSocket server, byte[] answer) {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (answer != null) {
                        s.getInputStream().read(new byte[256]);
                        OutputStream out = s.getOutputStream();
                        out.write(answer);
                        out.flush();
                        s.close();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return accepted;
    }

    static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    static void awaitNoStalledExec() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fake.stalledExecs() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(fake.stalledExecs()).as("the server saw the session end").isZero();
    }
}
