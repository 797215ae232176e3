package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProperties;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS client through an egress proxy (decision 0018), with MockWebServer as the proxy: the proxy hop on the
 * ladder, each proxy failure's own category, Basic credentials only in answer to the proxy's 407 and only once, the
 * address guard still judging the target (and not the proxy), no-proxy hosts direct. The target is
 * {@code dev.azure.com}, resolved by a test {@link Dns} to a public address the test never connects to (the proxy
 * "connects"); the private-address guard is on ({@code allow-private-addresses=false}) unless a test says otherwise.
 */
class EgressProxyTest {

    static final String TOKEN = "egressproxytesttokenaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String CANARY = "CANARY-proxy-secret-91c2";
    static final InetAddress AZURE;

    static {
        try {
            AZURE = InetAddress.getByAddress("dev.azure.com", new byte[] {13, 107, 42, 20});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** dev.azure.com is public; localhost is the proxy's name; anything else does not resolve. */
    static final Dns DNS = host -> switch (host) {
        case "dev.azure.com" -> List.of(AZURE);
        case "localhost" -> List.of(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
        default -> throw new UnknownHostException(host);
    };

    MockWebServer proxy = new MockWebServer();
    AzureDevOpsHttp http;

    @BeforeEach
    void start() throws IOException {
        proxy.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.shutdown();
        }
        proxy.close();
    }

    static AzureDevOpsProperties props(String baseUrl, boolean allowPrivate, Path trusted) {
        return new AzureDevOpsProperties(URI.create(baseUrl), allowPrivate, trusted, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
    }

    static OutboundProxy outbound(String proxy, String user, String password, String noProxy) {
        return new OutboundProxy(new OutboundProperties(proxy, user, password, noProxy));
    }

    String viaLocalhost() {
        return "http://localhost:" + proxy.getPort();
    }

    CheckResult check(String baseUrl, OutboundProxy outbound) {
        http = new AzureDevOpsHttp(props(baseUrl, false, null), outbound, DNS);
        return new AzureDevOpsChecker(http, Clock.systemUTC())
                .check(new CheckInput("contoso", Secret.of(TOKEN), null, "fp"), new Cancellation());
    }

    void answer(Function<RecordedRequest, MockResponse> responder) {
        proxy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return responder.apply(request);
            }
        });
    }

    static MockResponse status(int code, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code);
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> seen = new java.util.ArrayList<>();
        RecordedRequest r;
        while ((r = proxy.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            seen.add(r);
        }
        return seen;
    }

    @Test
    void aDeniedConnectIsItsOwnHeadlineAndTheLadderShowsTheProxyHopBeforeTls() throws Exception {
        answer(r -> status(403));
        CheckResult r = check("https://dev.azure.com", outbound(viaLocalhost(), null, null, ""));

        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_CONNECT_DENIED);
        String hop = "Proxy localhost:" + proxy.getPort();
        assertThat(r.steps()).extracting(CheckStep::name).containsSubsequence(AzureDevOpsChecker.STEP_DNS,
                AzureDevOpsChecker.STEP_TCP, hop, AzureDevOpsChecker.STEP_TLS, AzureDevOpsChecker.STEP_PROJECTS);
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).summary())
                .contains("dev.azure.com resolved to 13.107.42.20 here, allowed by the address guard")
                .contains("the proxy's name localhost resolved to 127.0.0.1");
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).summary()).contains("Connected to the proxy 127.0.0.1");
        assertThat(step(r, hop).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, hop).summary()).contains(CheckCategory.PROXY_CONNECT_DENIED.headline("contoso"))
                .contains("Unexpected response code for CONNECT: 403");
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).summary()).isEqualTo(CheckLadder.NOT_REACHED);
        assertThat(r.decisive().error()).contains("403");
        assertThat(requests()).isNotEmpty().allSatisfy(req -> {
            assertThat(req.getMethod()).isEqualTo("CONNECT");
            assertThat(req.getTarget()).isEqualTo("dev.azure.com:443");
        });
    }

    @Test
    void a407WithoutConfiguredCredentialsSaysNoneAreConfiguredAndNothingIsSentAgain() throws Exception {
        answer(r -> status(407, "Proxy-Authenticate", "Basic realm=\"corp\""));
        CheckResult r = check("https://dev.azure.com", outbound(viaLocalhost(), null, null, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(step(r, "Proxy localhost:" + proxy.getPort()).summary())
                .contains("asked for credentials (407), and none are configured");

        http.shutdown();
        http = new AzureDevOpsHttp(props("https://dev.azure.com", false, null), outbound(viaLocalhost(), null, null,
                ""), DNS);
        requests();
        assertThatThrownBy(() -> http.execute(http.newGet(HttpUrl.get("https://dev.azure.com/contoso/_apis/projects"),
                null, null))).isInstanceOf(ProxyRoutes.ProxyAuthentication.class);
        assertThat(requests()).singleElement().satisfies(req -> assertThat(req.getHeaders()
                .get("Proxy-Authorization")).isNull());
    }

    @Test
    void credentialsAreSentOnlyAfterTheProxyAskedAndOnlyOnceWhenRefused() throws Exception {
        answer(r -> status(407, "Proxy-Authenticate", "Basic realm=\"corp\""));
        http = new AzureDevOpsHttp(props("https://dev.azure.com", false, null),
                outbound(viaLocalhost(), "alice", CANARY, ""), DNS);
        assertThatThrownBy(() -> http.execute(http.newGet(HttpUrl.get("https://dev.azure.com/contoso/_apis/projects"),
                null, null))).isInstanceOf(ProxyRoutes.ProxyAuthentication.class)
                .hasMessageContaining("refused the configured credentials").satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(CANARY).doesNotContain("alice"));
        List<RecordedRequest> connects = requests();
        assertThat(connects).hasSize(2);
        assertThat(connects.get(0).getHeaders().get("Proxy-Authorization")).as("never before the proxy asks").isNull();
        assertThat(connects.get(1).getHeaders().get("Proxy-Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(("alice:" + CANARY).getBytes(StandardCharsets.UTF_8)));

        http.shutdown();
        CheckResult r = check("https://dev.azure.com", outbound(viaLocalhost(), "alice", CANARY, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_FAILED);
        assertThat(r.toString()).doesNotContain(CANARY).doesNotContain(Base64.getEncoder()
                .encodeToString(("alice:" + CANARY).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aProxyAskingForAnotherSchemeIsNotAnsweredWithBasic() throws Exception {
        answer(r -> status(407, "Proxy-Authenticate", "Negotiate"));
        CheckResult r = check("https://dev.azure.com", outbound(viaLocalhost(), "alice", CANARY, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_AUTHENTICATION_FAILED);
        assertThat(step(r, "Proxy localhost:" + proxy.getPort()).summary())
                .contains("asks for Negotiate sign-in (407); InfraKitchen answers only Basic");
        assertThat(requests()).allSatisfy(req -> assertThat(req.getHeaders().get("Proxy-Authorization")).isNull());
    }

    @Test
    void theRightCredentialsOpenTheTunnelAndNeverTravelInsideIt(@TempDir Path dir) throws Exception {
        HeldCertificate azure = new HeldCertificate.Builder().commonName("dev.azure.com")
                .addSubjectAlternativeName("dev.azure.com").build();
        Path pem = Files.writeString(dir.resolve("ca.pem"), azure.certificatePem());
        proxy.close();
        proxy = new MockWebServer();
        proxy.useHttps(new HandshakeCertificates.Builder().heldCertificate(azure).build().sslSocketFactory());
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
                .inTunnel().build());
        proxy.enqueue(new MockResponse.Builder().inTunnel().build());
        proxy.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"count\":0,\"value\":[]}").build());
        proxy.start(InetAddress.getByName("127.0.0.1"), 0);
        http = new AzureDevOpsHttp(props("https://dev.azure.com", false, pem),
                outbound(viaLocalhost(), "alice", CANARY, ""), DNS);

        AdoResponse answer = http.execute(http.newGet(HttpUrl.get("https://dev.azure.com/contoso/_apis/projects"),
                TOKEN, null));

        assertThat(answer.status()).isEqualTo(200);
        List<RecordedRequest> seen = requests();
        assertThat(seen).extracting(RecordedRequest::getMethod).containsExactly("CONNECT", "CONNECT", "GET");
        assertThat(seen.get(1).getHeaders().get("Proxy-Authorization")).startsWith("Basic ");
        RecordedRequest tunnelled = seen.get(2);
        assertThat(tunnelled.getHandshake()).as("TLS end to end, inside the tunnel").isNotNull();
        assertThat(tunnelled.getHeaders().get("Proxy-Authorization")).isNull();
        assertThat(tunnelled.getHeaders().get("Authorization")).isNotNull();
    }

    @Test
    void aPrivateTargetIsRefusedBeforeTheProxyIsAsked() throws Exception {
        answer(r -> status(200));
        CheckResult literal = check("https://10.1.2.3", outbound(viaLocalhost(), null, null, ""));
        assertThat(literal.category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        http.shutdown();
        CheckResult named = check("https://localhost", outbound("http://127.0.0.1:" + proxy.getPort(), null, null,
                ""));
        assertThat(named.category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        assertThat(step(named, AzureDevOpsChecker.STEP_DNS).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(named, AzureDevOpsChecker.STEP_DNS).summary()).contains("Nothing was sent to the proxy");
        assertThat(proxy.getRequestCount()).as("the proxy was never asked").isZero();
    }

    @Test
    void aTargetThatDoesNotResolveHereIsNotSentToTheProxyEither() {
        answer(r -> status(200));
        CheckResult r = check("https://ado.unknown.example", outbound(viaLocalhost(), null, null, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.DNS_FAILURE);
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).summary())
                .contains("the address guard resolves the target before the proxy is asked");
        assertThat(proxy.getRequestCount()).isZero();
    }

    @Test
    void aProxyNobodyListensOnIsUnreachableAtTcpConnect() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        CheckResult r = check("https://dev.azure.com", outbound("http://127.0.0.1:" + closed, null, null, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_UNREACHABLE);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).summary()).contains("app.outbound.proxy");
        assertThat(step(r, "Proxy 127.0.0.1:" + closed).summary()).isEqualTo(CheckLadder.NOT_REACHED);
    }

    @Test
    void aProxyNameThatDoesNotResolveIsUnreachableAtTheLookup() {
        CheckResult r = check("https://dev.azure.com", outbound("http://proxy.unknown.example:3128", null, null, ""));
        assertThat(r.category()).isEqualTo(CheckCategory.PROXY_UNREACHABLE);
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).summary())
                .contains("the proxy's host name proxy.unknown.example could not be resolved");
    }

    @Test
    void aProxyThatAcceptsButNeverAnswersTimesOutAtTheProxyHop() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        silent.accept();
                    }
                } catch (IOException closedAtTheEnd) {
                    // the test is over
                }
            });
            CheckResult r = check("https://dev.azure.com",
                    outbound("http://127.0.0.1:" + silent.getLocalPort(), null, null, ""));
            assertThat(r.category()).isEqualTo(CheckCategory.PROXY_TIMEOUT);
            assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
            assertThat(step(r, "Proxy 127.0.0.1:" + silent.getLocalPort()).status()).isEqualTo(StepStatus.FAILED);
        }
    }

    @Test
    void aNoProxyHostIsCalledDirectlyAndADirectCheckHasNoProxyStep() throws Exception {
        try (MockWebServer target = new MockWebServer()) {
            target.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return HttpFaultsTest.ok(request);
                }
            });
            target.start(InetAddress.getByName("127.0.0.1"), 0);
            // target.url is http://localhost:port/
            http = new AzureDevOpsHttp(props(target.url("/").toString(), true, null),
                    outbound("http://127.0.0.1:" + proxy.getPort(), null, null, "ado.corp.example,LOCALHOST"), DNS);
            CheckResult r = new AzureDevOpsChecker(http, Clock.systemUTC())
                    .check(new CheckInput("contoso", Secret.of(TOKEN), null, "fp"), new Cancellation());
            assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CONNECTED);
            assertThat(r.steps()).extracting(CheckStep::name).noneMatch(n -> n.startsWith("Proxy"));
            assertThat(proxy.getRequestCount()).isZero();
            assertThat(target.getRequestCount()).isPositive();
        }
    }
}
