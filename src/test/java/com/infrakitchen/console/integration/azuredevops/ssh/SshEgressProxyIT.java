package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProperties;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import com.infrakitchen.console.support.proxy.Tinyproxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The SSH check through a real egress proxy, Debian's Tinyproxy (decision 0018), with JSch's HTTP CONNECT support, to
 * the MINA fake of Azure DevOps' SSH endpoint on loopback: the ladder's proxy hop before the host key, the host key
 * still checked strictly inside the tunnel, Basic credentials, 407, a wrong password (a canary, never shown or
 * logged), and the usual corporate policy of CONNECT to port 443 only (403 for the SSH port).
 *
 * <p>Skipped, with the reason, when Tinyproxy is not installed ({@code .ci/run} installs it).
 */
@EnabledIf(value = "installed", disabledReason = Tinyproxy.NOT_INSTALLED)
@ExtendWith(OutputCaptureExtension.class)
class SshEgressProxyIT {

    static final Duration BOUND = Duration.ofSeconds(5);
    static final String KEY = TestSshKeys.pkcs8(TestSshKeys.alice());
    static final String PASSWORD = "pr0xy-pass-OK";
    static final String CANARY = "CANARY-ssh-proxy-5be07";

    static Path dir;
    static FakeAzureDevOpsSsh fake;
    static Tinyproxy open;
    static Tinyproxy signIn;
    static Tinyproxy httpsOnly;

    static boolean installed() {
        return Tinyproxy.installed();
    }

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createDirectories(Path.of("target").toAbsolutePath()
                .resolve("tinyproxy-ssh-" + ProcessHandle.current().pid()));
        fake = FakeAzureDevOpsSsh.start();
        open = Tinyproxy.start(dir, "open", null, null, fake.port());
        signIn = Tinyproxy.start(dir, "sign-in", "alice", PASSWORD, fake.port());
        httpsOnly = Tinyproxy.start(dir, "https-only", null, null, 443);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {open, signIn, httpsOnly, fake}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
        Tinyproxy.delete(dir);
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
        fake.registerKey(TestSshKeys.alice().getPublic());
    }

    static CheckResult check(String knownHosts, Tinyproxy proxy, String user, String password) {
        SshProperties props = new SshProperties(fake.host(), fake.port(), "git", knownHosts, null, BOUND, BOUND);
        return new SshChecker(props, Clock.systemUTC(), new OutboundProxy(new OutboundProperties(proxy.url(), user,
                password, ""))).check(SshCheckInput.withTestRepository("contoso", "Web/web-app", Secret.of(KEY), null,
                "fp"), new Cancellation());
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    static String hop(Tinyproxy proxy) {
        return "Proxy 127.0.0.1:" + proxy.port();
    }

    @Test
    void theKeyIsProvenThroughTheTunnelAndTheLadderShowsTheHopBeforeTheHostKey() {
        CheckResult r = check(fake.knownHostsLine(), open, null, null);

        assertThat(r.category()).as(r.steps() + "\n" + open.log()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.steps()).extracting(CheckStep::name).containsExactly(SshChecker.STEP_LOCAL, SshChecker.STEP_DNS,
                SshChecker.STEP_TCP, hop(open), SshChecker.STEP_HOST_KEY, SshChecker.STEP_AUTH,
                SshChecker.STEP_REPOSITORY);
        assertThat(r.steps()).extracting(CheckStep::status).doesNotContain(StepStatus.FAILED);
        assertThat(step(r, hop(open)).summary()).contains("opened a tunnel (HTTP CONNECT) to 127.0.0.1 port "
                + fake.port()).contains("200");
        assertThat(step(r, SshChecker.STEP_TCP).summary()).contains("Connected to the proxy 127.0.0.1:" + open.port());
        assertThat(fake.execCommands()).isNotEmpty();
    }

    @Test
    void theHostKeyIsStillCheckedStrictlyInsideTheTunnel() {
        CheckResult r = check(fake.otherKnownHostsLine(), open, null, null);
        assertThat(r.category()).isEqualTo(CheckCategory.SSH_HOST_KEY_CHANGED);
        assertThat(step(r, hop(open)).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).status()).isEqualTo(StepStatus.FAILED);
        assertThat(fake.execCommands()).isEmpty();
    }

    @Test
    void theRightProxyCredentialsOpenTheTunnel() {
        CheckResult r = check(fake.knownHostsLine(), signIn, "alice", PASSWORD);
        assertThat(r.category()).as(r.steps() + "\n" + signIn.log()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void withoutCredentialsTheProxysSignInIsItsOwnHeadline() {
        CheckResult r = check(fake.knownHostsLine(), signIn, null, null);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(step(r, hop(signIn)).summary()).contains("407");
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary()).isEqualTo("Not reached");
    }

    @Test
    void aWrongProxyPasswordIsRefusedAndNeverShown(CapturedOutput output) {
        CheckResult r = check(fake.knownHostsLine(), signIn, "alice", CANARY);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_FAILED);
        String basic = Base64.getEncoder().encodeToString(("alice:" + CANARY).getBytes(StandardCharsets.UTF_8));
        assertThat(r.toString() + r.headline() + r.hint() + r.decisive()).doesNotContain(CANARY).doesNotContain(basic);
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain(basic);
    }

    @Test
    void theRepositoriesTabListsBranchesThroughTheProxyAndSaysWhenItDenies() {
        SshProperties props = new SshProperties(fake.host(), fake.port(), "git", fake.knownHostsLine(), null, BOUND,
                BOUND);
        var key = new com.infrakitchen.console.integration.credential.SshKeyInput(Secret.of(KEY), null, false,
                "Web/web-app");
        var listed = new SshBranchLister(props, new OutboundProxy(new OutboundProperties(open.url(), null, null, "")))
                .list("contoso", key, null, new Cancellation());
        assertThat(listed).isInstanceOf(com.infrakitchen.console.integration.browse.RepositoryListing.BranchList.class);
        var denied = new SshBranchLister(props, new OutboundProxy(new OutboundProperties(httpsOnly.url(), null, null,
                ""))).list("contoso", key, null, new Cancellation());
        assertThat(denied).isInstanceOfSatisfying(
                com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure.class,
                f -> assertThat(f.category()).isEqualTo(CheckCategory.PROXY_CONNECT_DENIED));
    }

    @Test
    void aProxyThatAllowsOnlyPort443DeniesTheSshPort() {
        CheckResult r = check(fake.knownHostsLine(), httpsOnly, null, null);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_CONNECT_DENIED);
        assertThat(step(r, hop(httpsOnly)).summary()).contains("403");
        assertThat(r.decisive().error()).contains("403");
    }
}
