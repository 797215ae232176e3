package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProperties;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.proxy.Tinyproxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The token check through a real egress proxy, Debian's Tinyproxy (decision 0018), to the fake Azure DevOps on
 * loopback with TLS (its certificate trusted as an administrator would, loopback allowed as for every fake): the
 * ladder's proxy hop, the TLS handshake end to end through the tunnel, HTTP Basic to the proxy, 407 and a wrong
 * password (Tinyproxy answers 401), a port the proxy's policy denies (403); and that the proxy password, a canary,
 * never reaches a log line, an exception message or the result.
 *
 * <p>Skipped, with the reason, when Tinyproxy is not installed ({@code .ci/run} installs it).
 */
@EnabledIf(value = "installed", disabledReason = Tinyproxy.NOT_INSTALLED)
@ExtendWith(OutputCaptureExtension.class)
class EgressProxyIT {

    static final String CANARY = "CANARY-tinyproxy-9d41e";
    static final String PASSWORD = "pr0xy-pass-OK";

    static Path dir;
    static FakeAzureDevOps fake;
    static Path ca;
    static Tinyproxy open;
    static Tinyproxy signIn;

    static boolean installed() {
        return Tinyproxy.installed();
    }

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createDirectories(Path.of("target").toAbsolutePath()
                .resolve("tinyproxy-https-" + ProcessHandle.current().pid()));
        fake = new FakeAzureDevOps().useSelfSignedTls().start();
        ca = Files.writeString(dir.resolve("ca.pem"), fake.certificatePem());
        open = Tinyproxy.start(dir, "open", null, null, fake.port());
        signIn = Tinyproxy.start(dir, "sign-in", "alice", PASSWORD, fake.port());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {open, signIn, fake}) {
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

    static CheckResult check(String baseUrl, String proxy, String user, String password) {
        AzureDevOpsHttp http = new AzureDevOpsHttp(new AzureDevOpsProperties(URI.create(baseUrl), true, ca,
                Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 65536,
                AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES),
                new OutboundProxy(new OutboundProperties(proxy, user, password, "")), Dns.SYSTEM);
        try {
            return new AzureDevOpsChecker(http, Clock.systemUTC()).check(new CheckInput("contoso",
                    Secret.of(FakeTokens.PAT_FULL), null, "fp"), new Cancellation());
        } finally {
            http.shutdown();
        }
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    @Test
    void theCheckConnectsThroughTheProxyAndTheLadderShowsItsHopBeforeTheTlsHandshake() {
        CheckResult r = check(fake.baseUrl(), open.url(), null, null);

        assertThat(r.category()).as(r.steps() + "\n" + open.log()).isEqualTo(CheckCategory.CONNECTED);
        String hop = "Proxy 127.0.0.1:" + open.port();
        assertThat(r.steps()).extracting(CheckStep::name).containsSubsequence(AzureDevOpsChecker.STEP_DNS,
                AzureDevOpsChecker.STEP_TCP, hop, AzureDevOpsChecker.STEP_TLS, AzureDevOpsChecker.STEP_PROJECTS);
        assertThat(step(r, hop).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, hop).summary()).contains("opened a tunnel (HTTP CONNECT) to 127.0.0.1 port " + fake.port());
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).summary()).contains("Connected to the proxy 127.0.0.1 port "
                + open.port());
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).status()).as("end to end with the fake, through the tunnel")
                .isEqualTo(StepStatus.PASSED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).summary()).contains("fake.dev.azure.com");
        assertThat(open.log()).contains("CONNECT 127.0.0.1:" + fake.port());
    }

    @Test
    void theRightProxyCredentialsOpenTheTunnel() {
        CheckResult r = check(fake.baseUrl(), signIn.url(), "alice", PASSWORD);
        assertThat(r.category()).as(r.steps() + "\n" + signIn.log()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void withoutCredentialsTheProxysSignInIsItsOwnHeadline() {
        CheckResult r = check(fake.baseUrl(), signIn.url(), null, null);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(step(r, "Proxy 127.0.0.1:" + signIn.port()).status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void aWrongProxyPasswordIsRefusedAndNeverShown(CapturedOutput output) {
        CheckResult r = check(fake.baseUrl(), signIn.url(), "alice", CANARY);

        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_FAILED);
        String basic = Base64.getEncoder().encodeToString(("alice:" + CANARY).getBytes(StandardCharsets.UTF_8));
        String shown = r.toString() + r.headline() + r.hint() + r.decisive();
        assertThat(shown).doesNotContain(CANARY).doesNotContain(basic);
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain(basic);
    }

    @Test
    void aPortTheProxyDoesNotAllowIsAConnectDenied() throws IOException {
        int other;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            other = s.getLocalPort();
        }
        CheckResult r = check("https://127.0.0.1:" + other, open.url(), null, null);
        assertThat(r.category()).as(r.steps() + "\n" + open.log()).isEqualTo(CheckCategory.PROXY_CONNECT_DENIED);
        assertThat(step(r, "Proxy 127.0.0.1:" + open.port()).summary()).contains("403");
    }
}
