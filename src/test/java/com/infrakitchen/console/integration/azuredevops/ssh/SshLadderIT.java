package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh.Mode;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SSH check's ladder (docs/azure-devops.md 11 step 6): one case per SSH failure row against the MINA fake and
 * small sockets, each saying which step failed and that every step after it is "Not reached"; the DNS lookup step;
 * the host key step naming the fingerprint it matched; each step reported as it completes.
 */
class SshLadderIT {

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

    static SshChecker checker(String host, int port, String knownHosts) {
        return new SshChecker(new SshProperties(host, port, "git", knownHosts, null, BOUND, BOUND), Clock.systemUTC());
    }

    static SshChecker checker() {
        return checker(fake.host(), fake.port(), fake.knownHostsLine());
    }

    static CheckResult check(SshChecker checker, String repository, String key) {
        return checker.check(SshCheckInput.withTestRepository("contoso", repository, key == null ? null
                : com.infrakitchen.console.secret.Secret.of(key), null, "fp"), new Cancellation());
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    /** The whole ladder in order; {@code failed} the only failed step; every later one skipped, "Not reached". */
    static void assertLadder(CheckResult r, String failed) {
        assertThat(r.steps()).as(r.steps().toString()).extracting(CheckStep::name)
                .containsExactlyElementsOf(SshChecker.STEPS);
        int at = SshChecker.STEPS.indexOf(failed);
        for (int i = 0; i < r.steps().size(); i++) {
            CheckStep s = r.steps().get(i);
            if (i < at) {
                assertThat(s.status()).as(s.toString()).isIn(StepStatus.PASSED, StepStatus.SKIPPED);
                assertThat(s.summary()).as(s.toString()).isNotEqualTo(CheckLadder.NOT_REACHED);
            } else if (i == at) {
                assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.FAILED);
            } else {
                assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.SKIPPED);
                assertThat(s.summary()).as(s.toString()).isEqualTo(CheckLadder.NOT_REACHED);
            }
        }
    }

    // ---- against the fake ---------------------------------------------------------------------------------------

    static Stream<Arguments> fakeRows() {
        return Stream.of(
                Arguments.of("host key changed", Mode.HOST_KEY_CHANGED, "Web/web-app", ALICE_KEY,
                        CheckCategory.SSH_HOST_KEY_CHANGED, SshChecker.STEP_HOST_KEY),
                Arguments.of("no common host key algorithm", Mode.SHA1_HOST_KEY_ONLY, "Web/web-app", ALICE_KEY,
                        CheckCategory.SSH_ALGORITHM_MISMATCH, SshChecker.STEP_HOST_KEY),
                Arguments.of("key refused at sign-in", Mode.REJECT_AT_AUTH, "Web/web-app", ALICE_KEY,
                        CheckCategory.SSH_AUTH_FAILED, SshChecker.STEP_AUTH),
                Arguments.of("key not registered", Mode.NORMAL, "Web/web-app", BOB_KEY,
                        CheckCategory.SSH_KEY_NOT_REGISTERED, SshChecker.STEP_REPOSITORY),
                Arguments.of("repository not found", Mode.NORMAL, "Web/nope", ALICE_KEY,
                        CheckCategory.SSH_REPOSITORY_NOT_FOUND, SshChecker.STEP_REPOSITORY),
                Arguments.of("SHA-1 refused", Mode.SHA1_REFUSED_ALWAYS, "Web/web-app", ALICE_KEY,
                        CheckCategory.SSH_SHA1_REFUSED, SshChecker.STEP_REPOSITORY),
                Arguments.of("conditional access", Mode.CONDITIONAL_ACCESS, "Web/web-app", ALICE_KEY,
                        CheckCategory.CONDITIONAL_ACCESS_BLOCKED, SshChecker.STEP_REPOSITORY),
                Arguments.of("shell greeting instead of refs", Mode.SHELL_GREETING_FOR_EXEC, "Web/web-app", ALICE_KEY,
                        CheckCategory.SSH_UNEXPECTED_RESPONSE, SshChecker.STEP_REPOSITORY),
                Arguments.of("stall after sign-in", Mode.STALL_AFTER_AUTH, "Web/web-app", ALICE_KEY,
                        CheckCategory.TIMEOUT, SshChecker.STEP_REPOSITORY),
                Arguments.of("key not readable", Mode.NORMAL, "Web/web-app", TestSshKeys.damaged(TestSshKeys.bob()),
                        CheckCategory.SSH_INVALID_KEY, SshChecker.STEP_LOCAL),
                Arguments.of("no test repository", Mode.NORMAL, "web-app", ALICE_KEY, CheckCategory.SSH_NO_REPOSITORY,
                        SshChecker.STEP_LOCAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakeRows")
    void eachSshFailureFailsItsStepAndLeavesTheRestNotReached(String row, Mode mode, String repository, String key,
            CheckCategory category, String failed) {
        fake.setMode(mode);
        CheckResult r = check(checker(), repository, key);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(category);
        assertLadder(r, failed);
        if (SshChecker.STEPS.indexOf(failed) > SshChecker.STEPS.indexOf(SshChecker.STEP_TCP)) {
            assertThat(step(r, SshChecker.STEP_TCP).summary()).isEqualTo("Connected to 127.0.0.1 port " + fake.port()
                    + ".");
        }
    }

    @Test
    void anUntrustedHostKeyFailsTheHostKeyStep() {
        CheckResult r = check(checker(fake.host(), fake.port(), SshProperties.AZURE_DEVOPS_KNOWN_HOSTS), "Web/web-app",
                ALICE_KEY);
        assertThat(r.category()).isEqualTo(CheckCategory.SSH_HOST_KEY_UNKNOWN);
        assertLadder(r, SshChecker.STEP_HOST_KEY);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).contains(fake.hostKeySha256());
    }

    @Test
    void aConnectedCheckMatchesTheHostKeyFingerprintAgainstTheTrustedSet() {
        CheckResult r = check(checker(fake.host(), fake.port(), fake.knownHostsLine() + "\n"
                + fake.otherKnownHostsLine()), "Web/web-app", ALICE_KEY);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).isEqualTo("The server's host key RSA "
                + fake.hostKeySha256() + " matches one of the 2 keys trusted for [127.0.0.1]:" + fake.port()
                + " (app.azure-devops.ssh.known-hosts).");
        assertThat(r.steps()).noneMatch(s -> s.summary().equals(CheckLadder.NOT_REACHED));
    }

    @Test
    void aHostNameIsResolvedInTheDnsStepBeforeTheTcpConnect() {
        String knownHosts = fake.knownHostsLine().replace("[127.0.0.1]", "[localhost]");
        CheckResult r = check(checker("localhost", fake.port(), knownHosts), "Web/web-app", ALICE_KEY);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
        CheckStep dns = step(r, SshChecker.STEP_DNS);
        assertThat(dns.status()).isEqualTo(StepStatus.PASSED);
        assertThat(dns.summary()).startsWith("localhost resolved to ").contains("127.0.0.1");
        assertThat(step(r, SshChecker.STEP_TCP).summary()).isEqualTo("Connected to localhost (127.0.0.1) port "
                + fake.port() + ".");
    }

    // ---- network faults ---------------------------------------------------------------------------------------

    @Test
    void anUnresolvableHostFailsTheDnsLookup() {
        CheckResult r = check(checker("ssh.dev.azure.invalid", 22, SshProperties.AZURE_DEVOPS_KNOWN_HOSTS),
                "Web/web-app", ALICE_KEY);
        assertThat(r.category()).isEqualTo(CheckCategory.DNS_FAILURE);
        assertLadder(r, SshChecker.STEP_DNS);
    }

    @Test
    void aRefusedPortFailsTheTcpConnect() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        CheckResult r = check(checker("127.0.0.1", port, fake.knownHostsLine()), "Web/web-app", ALICE_KEY);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTION_REFUSED);
        assertLadder(r, SshChecker.STEP_TCP);
        assertThat(step(r, SshChecker.STEP_DNS).summary()).isEqualTo("127.0.0.1 is an IP address: there is nothing"
                + " to resolve.");
    }

    /** A server on a port of its own that accepts and, when {@code answer} is given, answers it and closes. */
    static ServerSocket serve(byte[] answer, List<Socket> accepted) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (answer != null) {
                        s.getInputStream().read(new byte[256]);
                        s.getOutputStream().write(answer);
                        s.close();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    @Test
    void aSilentServerOrAWebServerFailsTheHostKeyStep() throws IOException {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = serve(null, accepted)) {
            CheckResult r = check(checker("127.0.0.1", silent.getLocalPort(), fake.knownHostsLine()), "Web/web-app",
                    ALICE_KEY);
            assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
            assertLadder(r, SshChecker.STEP_HOST_KEY);
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
        byte[] http = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket web = serve(http, new CopyOnWriteArrayList<>())) {
            CheckResult r = check(checker("127.0.0.1", web.getLocalPort(), fake.knownHostsLine()), "Web/web-app",
                    ALICE_KEY);
            assertThat(r.category()).isEqualTo(CheckCategory.SSH_PROTOCOL_ERROR);
            assertLadder(r, SshChecker.STEP_HOST_KEY);
        }
    }

    @Test
    void aTestCancelledBeforeItConnectsLeavesTheNetworkStepsNotReached() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        CheckResult r = checker().check(SshCheckInput.withTestRepository("contoso", "Web/web-app",
                com.infrakitchen.console.secret.Secret.of(ALICE_KEY), null, "fp"), cancellation);
        assertThat(r.category()).isEqualTo(CheckCategory.CANCELLED);
        assertThat(r.steps()).extracting(CheckStep::name).containsExactlyElementsOf(SshChecker.STEPS);
        assertThat(r.steps().subList(1, r.steps().size())).allSatisfy(s -> assertThat(s.summary())
                .isEqualTo(CheckLadder.NOT_REACHED));
    }

    @Test
    void eachStepIsReportedAsItCompletes() {
        Cancellation cancellation = new Cancellation();
        List<CheckStep> reported = new CopyOnWriteArrayList<>();
        cancellation.onStep(reported::add);
        CheckResult r = checker().check(SshCheckInput.withTestRepository("contoso", "Web/web-app",
                com.infrakitchen.console.secret.Secret.of(ALICE_KEY), null, "fp"), cancellation);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(reported).containsExactlyElementsOf(r.steps());
    }
}
