package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.Chaos;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token check's ladder (docs/azure-devops.md 11): one case per kind of step that can fail, against the fakes.
 * Each says which step failed and that every step after it is "Not reached": the network steps (DNS, refused port,
 * TLS with an untrusted, an expired and an expiring certificate made with okhttp-tls's {@code HeldCertificate}),
 * each Azure DevOps failure row the check can meet, and the later steps (identity, Code read). Also: projects are
 * counted, not guessed from {@code $top=1}; each step is reported as it completes.
 */
class PatLadderIT {

    static final FakeAzureDevOps FAKE = new FakeAzureDevOps();
    static AzureDevOpsHttp http;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        FAKE.start();
        http = new AzureDevOpsHttp(props(FAKE.baseUrl(), true, null));
    }

    @AfterAll
    static void stop() {
        http.shutdown();
        FAKE.close();
    }

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    static AzureDevOpsProperties props(String baseUrl, boolean allowPrivate, Path trusted) {
        return new AzureDevOpsProperties(URI.create(baseUrl), allowPrivate, trusted, Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(5), 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
    }

    static CheckResult check(AzureDevOpsHttp with, String org, String token) {
        return check(with, org, token, new Cancellation());
    }

    static CheckResult check(AzureDevOpsHttp with, String org, String token, Cancellation cancellation) {
        return new AzureDevOpsChecker(with, Clock.systemUTC()).check(new CheckInput(org, Secret.of(token), null, "fp"),
                cancellation);
    }

    /** A check against a server of its own (the one {@code props} names), its client shut down after. */
    static CheckResult checkAt(AzureDevOpsProperties props, String token) {
        AzureDevOpsHttp own = new AzureDevOpsHttp(props);
        try {
            return check(own, "contoso", token);
        } finally {
            own.shutdown();
        }
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + " in " + r.steps()));
    }

    /**
     * The whole ladder is there in order; {@code firstFailed} is the first failed step, {@code lastRan} (the same, or
     * the authentication step after a failed organization) the last one that ran; every step after it is skipped,
     * "Not reached".
     */
    static void assertLadder(CheckResult r, String firstFailed, String lastRan) {
        List<String> order = AzureDevOpsChecker.STEPS;
        List<CheckStep> ladder = r.steps().stream().filter(s -> order.contains(s.name())).toList();
        assertThat(ladder).as(r.steps().toString()).extracting(CheckStep::name).containsExactlyElementsOf(order);
        int first = order.indexOf(firstFailed);
        int last = order.indexOf(lastRan);
        for (int i = 0; i < ladder.size(); i++) {
            CheckStep s = ladder.get(i);
            if (i < first) {
                assertThat(s.status()).as(s.toString()).isNotEqualTo(StepStatus.FAILED);
                assertThat(s.summary()).as(s.toString()).isNotEqualTo(CheckLadder.NOT_REACHED);
            } else if (i == first || i == last) {
                assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.FAILED);
            } else if (i > last) {
                assertThat(s.status()).as(s.toString()).isEqualTo(StepStatus.SKIPPED);
                assertThat(s.summary()).as(s.toString()).isEqualTo(CheckLadder.NOT_REACHED);
            }
        }
    }

    static void assertLadder(CheckResult r, String failed) {
        assertLadder(r, failed, failed);
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ---- the network steps --------------------------------------------------------------------------------------

    @Test
    void anUnknownHostFailsTheDnsLookupAndNothingAfterItRuns() {
        CheckResult r = checkAt(props("http://dev.azure.invalid/", true, null), FakeTokens.PAT_FULL);
        assertThat(r.category()).isEqualTo(CheckCategory.DNS_FAILURE);
        assertLadder(r, AzureDevOpsChecker.STEP_DNS);
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).summary())
                .startsWith(CheckCategory.DNS_FAILURE.headline("contoso")).contains("UnknownHostException");
        assertThat(step(r, AzureDevOpsChecker.STEP_DNS).http().url()).startsWith("http://dev.azure.invalid/contoso");
    }

    @Test
    void aRefusedPortFailsTheTcpConnectWithTheAddressUsed() throws IOException {
        int port = closedPort();
        CheckResult byAddress = checkAt(props("http://127.0.0.1:" + port + "/", true, null), FakeTokens.PAT_FULL);
        assertThat(byAddress.category()).isEqualTo(CheckCategory.CONNECTION_REFUSED);
        assertLadder(byAddress, AzureDevOpsChecker.STEP_TCP);
        assertThat(step(byAddress, AzureDevOpsChecker.STEP_DNS).summary())
                .isEqualTo("127.0.0.1 is an IP address: there is nothing to resolve.");
        assertThat(step(byAddress, AzureDevOpsChecker.STEP_TCP).summary()).contains("Tried 127.0.0.1 port " + port);

        CheckResult byName = checkAt(props("http://localhost:" + port + "/", true, null), FakeTokens.PAT_FULL);
        assertThat(byName.category()).isEqualTo(CheckCategory.CONNECTION_REFUSED);
        assertLadder(byName, AzureDevOpsChecker.STEP_TCP);
        assertThat(step(byName, AzureDevOpsChecker.STEP_DNS).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(byName, AzureDevOpsChecker.STEP_DNS).summary()).startsWith("localhost resolved to ")
                .containsAnyOf("127.0.0.1", "::1");
    }

    @Test
    void anAddressTheConsoleMayNotCallFailsWhereItIsRefused() {
        CheckResult byName = checkAt(props("http://localhost:" + FAKE.port() + "/", false, null), FakeTokens.PAT_FULL);
        assertThat(byName.category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        assertLadder(byName, AzureDevOpsChecker.STEP_DNS);
        CheckResult literal = checkAt(props("http://127.0.0.1:" + FAKE.port() + "/", false, null),
                FakeTokens.PAT_FULL);
        assertThat(literal.category()).isEqualTo(CheckCategory.ADDRESS_NOT_ALLOWED);
        assertLadder(literal, AzureDevOpsChecker.STEP_TCP);
        assertThat(FAKE.requestCount()).isZero();
    }

    @Test
    void plainHttpPassesTheNetworkStepsAndSaysThereIsNoTls() {
        CheckResult r = check(http, "contoso", FakeTokens.PAT_FULL);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).summary())
                .isEqualTo("Connected to 127.0.0.1 port " + FAKE.port() + ".");
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).summary()).startsWith("Plain HTTP");
        assertThat(r.steps()).extracting(CheckStep::name).startsWith(AzureDevOpsChecker.STEP_LOCAL,
                AzureDevOpsChecker.STEP_DNS, AzureDevOpsChecker.STEP_TCP, AzureDevOpsChecker.STEP_TLS,
                AzureDevOpsChecker.STEP_ORGANIZATION, AzureDevOpsChecker.STEP_PROJECTS);
    }

    static HeldCertificate ca(String name) {
        return new HeldCertificate.Builder().certificateAuthority(0).commonName(name).duration(365, TimeUnit.DAYS)
                .build();
    }

    static HeldCertificate.Builder serverCertificate() {
        return new HeldCertificate.Builder().commonName("fake.dev.azure.com").addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost");
    }

    /** A check of a TLS fake serving {@code certificate} (chained to {@code issuer}), trusting {@code trusted}. */
    CheckResult checkOverTls(HeldCertificate certificate, HeldCertificate issuer, HeldCertificate trusted,
            boolean http1Only) throws IOException {
        FakeAzureDevOps unstarted = new FakeAzureDevOps();
        if (http1Only) {
            unstarted.useHttp1Only();
        }
        try (FakeAzureDevOps tls = (issuer == null ? unstarted.useTls(certificate)
                : unstarted.useTls(certificate, issuer.certificate())).start()) {
            Path pem = trusted == null ? null : Files.writeString(dir.resolve("trusted.pem"), trusted.certificatePem());
            return checkAt(props(tls.baseUrl(), true, pem), FakeTokens.PAT_FULL);
        }
    }

    @Test
    void anUntrustedCertificateFailsTheTlsHandshakeNamingWhatTheServerPresented() throws IOException {
        HeldCertificate proxyCa = ca("Corp Proxy CA");
        HeldCertificate presented = serverCertificate().signedBy(proxyCa).duration(90, TimeUnit.DAYS).build();
        CheckResult r = checkOverTls(presented, proxyCa, null, true);
        assertThat(r.category()).isEqualTo(CheckCategory.TLS_UNTRUSTED);
        assertLadder(r, AzureDevOpsChecker.STEP_TLS);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).summary())
                .startsWith(CheckCategory.TLS_UNTRUSTED.headline("contoso"))
                .contains("The server presented CN=fake.dev.azure.com").contains("issued by CN=Corp Proxy CA")
                .contains("until " + LocalDate.ofInstant(presented.certificate().getNotAfter().toInstant(),
                        ZoneOffset.UTC) + ".");
    }

    @Test
    void anExpiredCertificateFailsTheTlsHandshakeWithItsDates() throws IOException {
        HeldCertificate onPremCa = ca("On-prem CA");
        long now = System.currentTimeMillis();
        HeldCertificate expired = serverCertificate().signedBy(onPremCa)
                .validityInterval(now - TimeUnit.DAYS.toMillis(60), now - TimeUnit.DAYS.toMillis(2)).build();
        CheckResult r = checkOverTls(expired, onPremCa, onPremCa, true);
        assertThat(r.category()).isEqualTo(CheckCategory.TLS_UNTRUSTED);
        assertLadder(r, AzureDevOpsChecker.STEP_TLS);
        assertThat(step(r, AzureDevOpsChecker.STEP_TLS).summary()).contains("issued by CN=On-prem CA")
                .contains("until " + LocalDate.ofInstant(Instant.ofEpochMilli(now - TimeUnit.DAYS.toMillis(2)),
                        ZoneOffset.UTC) + ".");
    }

    @Test
    void aCertificateExpiringWithinThirtyDaysIsAWarningOnTheTlsStep() throws IOException {
        HeldCertificate soon = serverCertificate().duration(10, TimeUnit.DAYS).build();
        CheckResult r = checkOverTls(soon, null, soon, true);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(CheckCategory.CERTIFICATE_EXPIRING_SOON);
        assertThat(r.outcome()).isEqualTo(CheckOutcome.WARNING);
        CheckStep tls = step(r, AzureDevOpsChecker.STEP_TLS);
        assertThat(tls.status()).isEqualTo(StepStatus.WARNING);
        assertThat(tls.summary()).startsWith("TLSv1.").contains("http/1.1")
                .contains("the server's certificate CN=fake.dev.azure.com").contains("expires on ");
        // a warning decides nothing: every later step ran
        assertThat(r.steps()).noneMatch(s -> s.summary().equals(CheckLadder.NOT_REACHED));
        assertThat(step(r, AzureDevOpsChecker.STEP_CODE_WRITE).status()).isEqualTo(StepStatus.PASSED);
        assertThat(r.hint()).contains("30 days");
    }

    @Test
    void aGoodCertificateOverHttp2PassesWithProtocolCipherAndExpiry() throws IOException {
        HeldCertificate year = serverCertificate().duration(365, TimeUnit.DAYS).build();
        CheckResult r = checkOverTls(year, null, year, false);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        CheckStep tls = step(r, AzureDevOpsChecker.STEP_TLS);
        assertThat(tls.status()).isEqualTo(StepStatus.PASSED);
        assertThat(tls.summary()).matches("TLSv1\\.[23], TLS_\\w+, h2; the server's certificate CN=fake.dev.azure.com"
                + ".*, issued by CN=fake.dev.azure.com.*, valid until \\d{4}-\\d{2}-\\d{2}\\.");
    }

    @Test
    void plainHttpOnAnHttpsUrlFailsTheTlsHandshake() {
        CheckResult r = checkAt(props("https://127.0.0.1:" + FAKE.port() + "/", true, null), FakeTokens.PAT_FULL);
        assertThat(r.category()).isEqualTo(CheckCategory.TLS_PROTOCOL_ERROR);
        assertLadder(r, AzureDevOpsChecker.STEP_TLS);
    }

    @Test
    void aServerThatConnectsButNeverAnswersFailsAuthenticationNotTheNetwork() {
        FAKE.setChaos(Chaos.STALL);
        var quick = new AzureDevOpsProperties(URI.create(FAKE.baseUrl()), true, null, Duration.ofSeconds(2),
                Duration.ofMillis(700), Duration.ofSeconds(5), 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
        CheckResult r = checkAt(quick, FakeTokens.PAT_FULL);
        assertThat(r.category()).isEqualTo(CheckCategory.TIMEOUT);
        assertLadder(r, AzureDevOpsChecker.STEP_PROJECTS);
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
    }

    // ---- Azure DevOps' answers ----------------------------------------------------------------------------------

    static Stream<Arguments> azureRows() {
        Consumer<FakeAzureDevOps> none = f -> { };
        String auth = AzureDevOpsChecker.STEP_PROJECTS;
        return Stream.of(
                Arguments.of("F2 unknown token", "contoso", FakeTokens.PAT_UNKNOWN, none, CheckCategory.TOKEN_REJECTED,
                        auth, auth),
                Arguments.of("F4 expired", "contoso", FakeTokens.PAT_EXPIRED, none, CheckCategory.TOKEN_EXPIRED, auth,
                        auth),
                Arguments.of("F5 revoked", "contoso", FakeTokens.PAT_REVOKED, none, CheckCategory.TOKEN_REJECTED, auth,
                        auth),
                Arguments.of("F6 project scope", "contoso", FakeTokens.PAT_CODE_ONLY, none,
                        CheckCategory.PROJECT_SCOPE_MISSING, auth, auth),
                Arguments.of("F7 another organization's token", "contoso", FakeTokens.PAT_OTHER_ORG, none,
                        CheckCategory.TOKEN_REJECTED, auth, auth),
                Arguments.of("F8 not a member", "contoso", FakeTokens.PAT_NOT_MEMBER, none, CheckCategory.NOT_A_MEMBER,
                        auth, auth),
                Arguments.of("F9 global token", "contoso", FakeTokens.PAT_GLOBAL_BLOCKED, none,
                        CheckCategory.GLOBAL_TOKEN_BLOCKED, auth, auth),
                Arguments.of("F10 conditional access", "contoso", FakeTokens.PAT_CAP_BLOCKED, none,
                        CheckCategory.CONDITIONAL_ACCESS_BLOCKED, auth, auth),
                Arguments.of("F12 organization not found", "contosoo", FakeTokens.PAT_FULL, none,
                        CheckCategory.ORGANIZATION_NOT_FOUND, AzureDevOpsChecker.STEP_ORGANIZATION, auth),
                Arguments.of("F15 rate limited", "contoso", FakeTokens.PAT_RATE_LIMITED,
                        (Consumer<FakeAzureDevOps>) f -> f.setRateLimitThreshold(1), CheckCategory.RATE_LIMITED, auth,
                        auth),
                Arguments.of("F16 old server", "contoso", FakeTokens.PAT_FULL,
                        (Consumer<FakeAzureDevOps>) f -> f.setOnPrem2020(true), CheckCategory.API_VERSION_MISMATCH,
                        auth, auth),
                Arguments.of("F17 internal error", "contoso", FakeTokens.PAT_FULL,
                        (Consumer<FakeAzureDevOps>) f -> f.setChaos(Chaos.INTERNAL_ERROR), CheckCategory.SERVICE_ERROR,
                        auth, auth),
                Arguments.of("F18 outage", "contoso", FakeTokens.PAT_FULL,
                        (Consumer<FakeAzureDevOps>) f -> f.setChaos(Chaos.SERVICE_UNAVAILABLE),
                        CheckCategory.SERVICE_UNAVAILABLE, auth, auth));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("azureRows")
    void eachAzureDevOpsFailureFailsItsStepAndLeavesTheRestNotReached(String row, String org, String token,
            Consumer<FakeAzureDevOps> setup, CheckCategory category, String firstFailed, String lastRan) {
        setup.accept(FAKE);
        CheckResult r = check(http, org, token);
        assertThat(r.category()).as(r.steps().toString()).isEqualTo(category);
        assertLadder(r, firstFailed, lastRan);
        // the connection itself was fine
        assertThat(step(r, AzureDevOpsChecker.STEP_TCP).status()).isEqualTo(StepStatus.PASSED);
        assertThat(step(r, lastRan).http()).isNotNull();
        if (!firstFailed.equals(AzureDevOpsChecker.STEP_ORGANIZATION)) {
            assertThat(step(r, AzureDevOpsChecker.STEP_ORGANIZATION).summary())
                    .isEqualTo("Not awaited: the projects answer decided the result.");
        }
    }

    /** A bare MockWebServer answering as {@code answers} says; the check's result. */
    static CheckResult checkAgainst(Function<RecordedRequest, MockResponse> answers) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answers.apply(request);
                }
            });
            server.start();
            return checkAt(props(server.url("/").toString(), true, null), HttpFaultsTest.TOKEN);
        }
    }

    @Test
    void aSignInPageOrARedirectFailsAuthentication() throws IOException {
        CheckResult signIn = checkAgainst(r -> new MockResponse.Builder().code(203)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><head><title>Azure DevOps Services | Sign In</title></head></html>").build());
        assertThat(signIn.category()).isEqualTo(CheckCategory.SIGN_IN_PAGE);
        assertLadder(signIn, AzureDevOpsChecker.STEP_PROJECTS);
        CheckResult redirect = checkAgainst(r -> new MockResponse.Builder().code(302)
                .setHeader("Location", "https://proxy.example/login").build());
        assertThat(redirect.category()).isEqualTo(CheckCategory.UNEXPECTED_REDIRECT);
        assertLadder(redirect, AzureDevOpsChecker.STEP_PROJECTS);
    }

    @Test
    void anAnonymousIdentityFailsTheIdentityStep() throws IOException {
        CheckResult r = checkAgainst(req -> req.getUrl().encodedPath().endsWith("/_apis/connectionData")
                ? HttpFaultsTest.json(200, "{\"authenticatedUser\":{\"id\":\"" + FakeAzureDevOps.ANONYMOUS_ID
                        + "\",\"providerDisplayName\":\"Anonymous\"}}")
                : HttpFaultsTest.ok(req));
        assertThat(r.category()).isEqualTo(CheckCategory.TOKEN_REJECTED);
        assertLadder(r, AzureDevOpsChecker.STEP_IDENTITY);
        assertThat(step(r, AzureDevOpsChecker.STEP_PROJECTS).status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void aRepositoriesListingThatFailsFailsCodeReadAndCodeWriteIsNotReached() throws IOException {
        CheckResult r = checkAgainst(req -> req.getUrl().encodedPath().endsWith("/_apis/git/repositories")
                ? HttpFaultsTest.json(500, "{\"message\":\"TF400898: An Internal Error Occurred.\"}")
                : HttpFaultsTest.ok(req));
        assertThat(r.category()).isEqualTo(CheckCategory.SERVICE_ERROR);
        assertLadder(r, AzureDevOpsChecker.STEP_CODE_READ);
        assertThat(step(r, AzureDevOpsChecker.STEP_IDENTITY).status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void missingCodeScopesAreWarningsThatLeaveNothingNotReached() {
        CheckResult noRead = check(http, "contoso", FakeTokens.PAT_PROJECT_ONLY);
        assertThat(noRead.category()).isEqualTo(CheckCategory.CODE_READ_MISSING);
        assertThat(step(noRead, AzureDevOpsChecker.STEP_CODE_READ).status()).isEqualTo(StepStatus.WARNING);
        assertThat(step(noRead, AzureDevOpsChecker.STEP_CODE_WRITE).summary())
                .isEqualTo("No repository to probe, so write access is unknown.");
        CheckResult noWrite = check(http, "contoso", FakeTokens.PAT_CODE_READ);
        assertThat(noWrite.category()).isEqualTo(CheckCategory.CODE_WRITE_MISSING);
        assertThat(step(noWrite, AzureDevOpsChecker.STEP_CODE_WRITE).status()).isEqualTo(StepStatus.WARNING);
        assertThat(List.of(noRead, noWrite)).allSatisfy(r -> assertThat(r.steps())
                .noneMatch(s -> s.summary().equals(CheckLadder.NOT_REACHED) || s.status() == StepStatus.FAILED));
    }

    @Test
    void aMalformedTokenFailsTheLocalChecksAndNothingElseRuns() {
        CheckResult r = check(http, "contoso", "has inner spaces in it which is not a token");
        assertThat(r.category()).isEqualTo(CheckCategory.INVALID_TOKEN_FORMAT);
        assertLadder(r, AzureDevOpsChecker.STEP_LOCAL);
        assertThat(FAKE.requestCount()).isZero();
    }

    // ---- true numbers -----------------------------------------------------------------------------------------------

    @Test
    void projectsAreCountedNotGuessedFromTheFirstOne() {
        // contoso has two projects, one of them (Fabrikam Fiber) without a repository: "1 project" was wrong
        CheckResult r = check(http, "contoso", FakeTokens.PAT_FULL);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.projectCount()).isEqualTo(2);
        assertThat(r.repositoryCount()).isEqualTo(3);
        assertThat(step(r, AzureDevOpsChecker.STEP_PROJECTS).summary())
                .isEqualTo("The token is valid for contoso and may read projects: it sees 2 projects.");
        assertThat(step(r, AzureDevOpsChecker.STEP_CODE_READ).summary())
                .isEqualTo("The token may read code: 3 repositories in 1 project.");
        assertThat(FAKE.takeRequests()).filteredOn(c -> c.path().endsWith("/_apis/projects")).singleElement()
                .satisfies(c -> assertThat(c.target()).contains("%24top=100"));
    }

    @Test
    void projectsBeyondOnePageAreCountedByFollowingTheContinuationToken() {
        CheckResult r = check(http, FakeAzureDevOps.BIGORG, FakeTokens.PAT_FULL);
        assertThat(r.projectCount()).isEqualTo(FakeAzureDevOps.BIGORG_PROJECT_COUNT);
        assertThat(step(r, AzureDevOpsChecker.STEP_PROJECTS).summary()).endsWith("it sees 150 projects.");
        assertThat(FAKE.takeRequests()).filteredOn(c -> c.path().endsWith("/_apis/projects"))
                .extracting(c -> c.target().contains("continuationToken=100")).containsExactly(false, true);
    }

    // ---- progress ---------------------------------------------------------------------------------------------------

    @Test
    void eachStepIsReportedAsItCompletesInTheLadderOrder() throws IOException {
        Cancellation cancellation = new Cancellation();
        List<CheckStep> reported = new CopyOnWriteArrayList<>();
        cancellation.onStep(reported::add);
        CheckResult connected = check(http, "contoso", FakeTokens.PAT_FULL, cancellation);
        assertThat(reported).containsExactlyElementsOf(connected.steps());

        Cancellation refusedRun = new Cancellation();
        List<CheckStep> refusedSteps = new CopyOnWriteArrayList<>();
        refusedRun.onStep(refusedSteps::add);
        AzureDevOpsHttp closed = new AzureDevOpsHttp(props("http://127.0.0.1:" + closedPort() + "/", true, null));
        try {
            CheckResult refused = check(closed, "contoso", FakeTokens.PAT_FULL, refusedRun);
            assertThat(refusedSteps).containsExactlyElementsOf(refused.steps());
            assertThat(refusedSteps).extracting(CheckStep::name).containsExactlyElementsOf(AzureDevOpsChecker.STEPS);
        } finally {
            closed.shutdown();
        }
    }
}
