package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport faults of docs/security.md 6.3 (H-01 to H-17, H-19) against a bare MockWebServer: one request
 * per probe, never a retry, never a redirect followed, bounded time, bounded memory, guarded addresses.
 * Azure DevOps' own answers (F1–F18) are in {@code AzureDevOpsContractIT} against the fake.
 */
class HttpFaultsTest {

    static final String TOKEN = "transportfaultstesttokenaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String JSON = "application/json; charset=utf-8; api-version=7.1";

    MockWebServer server = new MockWebServer();
    MockWebServer other = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
        other.start();
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
    }

    static AzureDevOpsProperties props(String baseUrl, boolean allowPrivate, Path trusted, Duration read,
            Duration call) {
        return new AzureDevOpsProperties(java.net.URI.create(baseUrl), allowPrivate, trusted, Duration.ofSeconds(2),
                read, call, 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
    }

    static AzureDevOpsProperties props(String baseUrl) {
        return props(baseUrl, true, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static CheckResult check(AzureDevOpsProperties props) {
        return check(props, new Cancellation());
    }

    static CheckResult check(AzureDevOpsProperties props, Cancellation cancellation) {
        AzureDevOpsHttp http = new AzureDevOpsHttp(props);
        try {
            return new AzureDevOpsChecker(http, Clock.systemUTC())
                    .check(new CheckInput("contoso", Secret.of(TOKEN), null, "fp"), cancellation);
        } finally {
            http.shutdown();
        }
    }

    void answer(Function<RecordedRequest, MockResponse> responder) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return responder.apply(request);
            }
        });
    }

    static MockResponse ok(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.startsWith("/_apis/resourceAreas")) {
            return json(200, "{\"id\":\"79134c72\",\"name\":\"Core\",\"locationUrl\":\"http://x/contoso/\"}");
        }
        if (path.endsWith("/_apis/projects")) {
            return json(200, "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"Web\"}]}");
        }
        if (path.endsWith("/_apis/connectionData")) {
            return json(200, "{\"authenticatedUser\":{\"id\":\"a1a1a1a1-0000-4000-8000-000000000001\","
                    + "\"providerDisplayName\":\"Alice\"}}");
        }
        if (path.endsWith("/_apis/git/repositories")) {
            return json(200, "{\"count\":1,\"value\":[{\"id\":\"r1\",\"name\":\"web-app\",\"project\":{\"name\":"
                    + "\"Web\"},\"defaultBranch\":\"refs/heads/main\"}]}");
        }
        if (path.endsWith("/info/refs")) {
            return new MockResponse.Builder().code(200)
                    .setHeader("Content-Type", "application/x-git-receive-pack-advertisement")
                    .body("001f# service=git-receive-pack\n0000").build();
        }
        return new MockResponse.Builder().code(404).body("The resource cannot be found.").build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", JSON).body(body).build();
    }

    long projectsRequests() throws InterruptedException {
        long n = 0;
        int total = server.getRequestCount();
        for (int i = 0; i < total; i++) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null && r.getUrl().encodedPath().endsWith("/_apis/projects")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void h01ValidJsonAnswersConnectWithTheIdentityAndEveryRequestCarriesTheHeadersButNotTheTokenInTheUrl()
            throws InterruptedException {
        answer(HttpFaultsTest::ok);
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.identity()).isEqualTo("Alice");
        assertThat(r.repositoryCount()).isEqualTo(1);
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest req = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(req.getUrl().toString()).doesNotContain(TOKEN);
            assertThat(req.getHeaders().get("X-TFS-FedAuthRedirect")).isEqualTo("Suppress");
            assertThat(req.getHeaders().get("User-Agent")).startsWith("InfraKitchen");
            if (!req.getUrl().encodedPath().startsWith("/_apis/resourceAreas")) {
                assertThat(req.getHeaders().get("Authorization")).startsWith("Basic ");
            } else {
                assertThat(req.getHeaders().get("Authorization")).as("the organization lookup needs no token")
                        .isNull();
            }
        }
    }

    @Test
    void h02SignInPageWith203IsNotSuccess() {
        answer(r -> new MockResponse.Builder().code(203).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><head><title>Azure DevOps Services | Sign In</title></head></html>").build());
        assertThat(check(props(server.url("/").toString())).category()).isEqualTo(CheckCategory.SIGN_IN_PAGE);
    }

    @Test
    void h03HtmlWith200IsNotSuccess() {
        answer(r -> new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>portal</html>").build());
        assertThat(check(props(server.url("/").toString())).category()).isEqualTo(CheckCategory.SIGN_IN_PAGE);
    }

    @Test
    void h04BareStatusesAreNamed() {
        answer(r -> new MockResponse.Builder().code(403).setHeader("Content-Type", "text/plain").body("no").build());
        assertThat(check(props(server.url("/").toString())).category()).isEqualTo(CheckCategory.FORBIDDEN);
        answer(r -> new MockResponse.Builder().code(404).setHeader("Content-Type", "text/plain")
                .body("The resource cannot be found.").build());
        assertThat(check(props(server.url("/").toString())).category())
                .isEqualTo(CheckCategory.ORGANIZATION_NOT_FOUND);
        answer(r -> new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain").body("no").build());
        assertThat(check(props(server.url("/").toString())).category()).isEqualTo(CheckCategory.TOKEN_REJECTED);
    }

    @Test
    void h05RateLimitIsShownWithRetryAfterAndNotRetried() throws InterruptedException {
        answer(r -> new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                .setHeader("Content-Type", JSON).body("{\"message\":\"TF400733: The request has been canceled\"}")
                .build());
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.RATE_LIMITED);
        assertThat(r.decisive().retryAfterSeconds()).isEqualTo(30);
        assertThat(projectsRequests()).isEqualTo(1);
    }

    @Test
    void h06ServiceUnavailableWithRetryAfterZeroIsNotRetriedByOkHttp() throws InterruptedException {
        answer(r -> new MockResponse.Builder().code(503).setHeader("Retry-After", "0")
                .setHeader("Content-Type", "text/html")
                .body("<html><title>Azure DevOps Services Unavailable</title></html>").build());
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.SERVICE_UNAVAILABLE);
        assertThat(r.decisive().retryAfterSeconds()).isZero();
        assertThat(projectsRequests()).isEqualTo(1);
    }

    @Test
    void h07RedirectToAnotherHostIsReportedWithItsHostAndNeverFollowed() {
        other.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(200, "{\"count\":1,\"value\":[]}");
            }
        });
        String target = "http://evil.invalid:" + other.getPort() + "/steal";
        answer(r -> new MockResponse.Builder().code(302).setHeader("Location", target).body("moved").build());
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.UNEXPECTED_REDIRECT);
        assertThat(r.decisive().redirectHost()).isEqualTo("evil.invalid");
        assertThat(other.getRequestCount()).isZero();
    }

    @Test
    void h08RedirectOnTheSameHostIsNotFollowedEither() throws InterruptedException {
        answer(r -> new MockResponse.Builder().code(301).setHeader("Location", server.url("/elsewhere").toString())
                .build());
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.UNEXPECTED_REDIRECT);
        assertThat(projectsRequests()).isEqualTo(1);
    }

    @Test
    void h09ConnectionDroppedAfterTheRequestIsAReset() {
        answer(r -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, true, true))
                .build());
        assertThat(check(props(server.url("/").toString())).category()).isEqualTo(CheckCategory.CONNECTION_RESET);
    }

    @Test
    void h10ServerThatNeverAnswersTimesOutAtTheReadTimeout() {
        answer(r -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        long start = System.nanoTime();
        CheckResult r = check(props(server.url("/").toString(), true, null, Duration.ofMillis(700),
                Duration.ofSeconds(30)));
        assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
        // the read timeout ended it, not the call timeout: far below 30 s, with room for a loaded 2-core machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void h11SlowLorisEndsAtTheCallTimeoutNotAfterMinutes() {
        answer(r -> new MockResponse.Builder().code(200).setHeader("Content-Type", JSON)
                .body("{\"count\":1,\"value\":[" + "{}".repeat(200) + "]}")
                .throttleBody(1, 300, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        CheckResult r = check(props(server.url("/").toString(), true, null, Duration.ofSeconds(1),
                Duration.ofMillis(1500)));
        assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
        // the body alone would take about two minutes; a loaded 2-core machine may add seconds to the 1.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void h12HugeBodyIsCutAtTheCapAndReportedNotParsed() throws IOException {
        String big = "{\"count\":1,\"value\":[\"" + "x".repeat(10 * 1024 * 1024) + "\"]}";
        // an answer that must be small (the identity); the listings (projects, repositories) are streamed instead
        answer(r -> r.getUrl().encodedPath().endsWith("/_apis/connectionData") ? json(200, big) : ok(r));
        CheckResult r = check(props(server.url("/").toString()));
        assertThat(r.category()).isEqualTo(CheckCategory.IDENTITY_UNKNOWN);
        assertThat(r.steps()).filteredOn(s -> s.name().equals(AzureDevOpsChecker.STEP_IDENTITY)).singleElement()
                .satisfies(s -> assertThat(s.summary()).contains(CheckCategory.RESPONSE_TOO_LARGE.headline("contoso")));
        AzureDevOpsHttp http = new AzureDevOpsHttp(props(server.url("/").toString()));
        AdoResponse read = http.execute(http.newGet(server.url("/contoso/_apis/connectionData"), TOKEN, null));
        assertThat(read.truncated()).isTrue();
        assertThat(read.body().length()).isLessThanOrEqualTo(65536);
        assertThat(read.json()).isNull();
        http.shutdown();
    }

    @Test
    void h13SelfSignedCertificateIsUntrustedUnlessTheAdministratorAddsItsCa(@TempDir Path dir) throws IOException {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("On-prem CA")
                .duration(365, TimeUnit.DAYS).build();
        HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost")
                .commonName("localhost").duration(365, TimeUnit.DAYS).build();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert,
                ca.certificate()).build();
        server.useHttps(serverCerts.sslSocketFactory());
        answer(HttpFaultsTest::ok);
        String base = "https://localhost:" + server.getPort() + "/";
        assertThat(check(props(base)).category()).isEqualTo(CheckCategory.TLS_UNTRUSTED);

        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, ca.certificatePem());
        CheckResult trusted = check(props(base, true, pem, Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertThat(trusted.category()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void h14PlainHttpOnAnHttpsUrlIsATlsProtocolError() throws Exception {
        // A plain HTTP server answers the TLS hello with an HTTP error and closes, as real ones do.
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!plain.isClosed()) {
                    try (var socket = plain.accept()) {
                        socket.getInputStream().read(new byte[512]);
                        socket.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String base = "https://127.0.0.1:" + plain.getLocalPort() + "/";
            assertThat(check(props(base)).category()).isEqualTo(CheckCategory.TLS_PROTOCOL_ERROR);
            plain.close();
            acceptor.join(2000);
        }
    }

    @Test
    void h15UnknownHostIsADnsFailure() {
        assertThat(check(props("http://dev.azure.invalid/")).category()).isEqualTo(CheckCategory.DNS_FAILURE);
    }

    @Test
    void h16ClosedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(check(props("http://127.0.0.1:" + port + "/")).category())
                .isEqualTo(CheckCategory.CONNECTION_REFUSED);
    }

    @Test
    void h17LoopbackAndMetadataAddressesAreRefusedBeforeConnecting() {
        answer(HttpFaultsTest::ok);
        var byName = props("http://localhost:" + server.getPort() + "/", false, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        assertThat(check(byName).category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        var literal = props("http://127.0.0.1:" + server.getPort() + "/", false, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        assertThat(check(literal).category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        var metadata = props("http://169.254.169.254/", true, null, Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(check(metadata).category()).as("link-local stays blocked even when private addresses are allowed")
                .isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void h19CancelStopsTheCallsAtOnce() throws Exception {
        answer(r -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        Cancellation cancellation = new Cancellation();
        var props = props(server.url("/").toString(), true, null, Duration.ofSeconds(30), Duration.ofSeconds(30));
        var result = CompletableFuture.supplyAsync(() -> check(props, cancellation));
        awaitFirstRequest();
        long start = System.nanoTime();
        cancellation.cancel();
        CheckResult r = result.get(10, TimeUnit.SECONDS);
        assertThat(r.category()).isEqualTo(CheckCategory.CANCELLED);
        // "at once": far below the 30 s bounds, with room for a loaded 2-core machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shutdownCancelsCallsInFlight() throws Exception {
        answer(r -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        AzureDevOpsHttp http = new AzureDevOpsHttp(props(server.url("/").toString(), true, null,
                Duration.ofSeconds(30), Duration.ofSeconds(30)));
        var pending = http.send(http.newGet(server.url("/contoso/_apis/projects"), TOKEN, null));
        awaitFirstRequest();
        http.shutdown();
        var exchange = pending.get(10, TimeUnit.SECONDS);
        assertThat(exchange.error()).isNotNull();
        assertThat(List.of(CheckCategory.CANCELLED, CheckCategory.CONNECTION_RESET))
                .contains(TransportFailures.classify(exchange.error(), false));
    }

    /** Waits until the server has the first request (it stalls its answer): the call is then in flight. */
    private void awaitFirstRequest() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.getRequestCount() == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertThat(server.getRequestCount()).as("requests received").isPositive();
    }
}
