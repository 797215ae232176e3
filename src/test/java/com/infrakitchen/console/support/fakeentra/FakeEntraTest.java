package com.infrakitchen.console.support.fakeentra;

import static com.infrakitchen.console.support.fakeentra.EntraFixtures.AZURE_DEVOPS_SCOPE;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.CLIENT_ASSERTION_TYPE;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.CLIENT_ID_FULL;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.CLIENT_ID_STAKEHOLDER;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.SECRET_FULL;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.TENANT_DOMAIN;
import static com.infrakitchen.console.support.fakeentra.EntraFixtures.TENANT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.fakeentra.EntraFixtures.App;
import com.infrakitchen.console.support.fakeentra.TestCertificates.TestCertificate;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake Entra honours its contract ({@code docs/azure-devops.md} §12.6, shapes of §14): raw OkHttp over real HTTP,
 * no Spring. Every AADSTS case with its status and body keys; the three credentials; the certificate checks.
 */
class FakeEntraTest {

    private static final FakeEntra FAKE = new FakeEntra();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(10)).connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    private static final List<String> ERROR_KEYS = List.of("error", "error_description", "error_codes", "timestamp",
            "trace_id", "correlation_id", "error_uri");

    @BeforeAll
    static void start() {
        FAKE.start();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
        CLIENT.connectionPool().evictAll();
    }

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    // ---- fixtures ----

    @Test
    void secretsAreObviouslyFakeAndShapedLikeRealOnes() {
        List<String> secrets = List.of(EntraFixtures.SECRET_FULL, EntraFixtures.SECRET_UNADDED,
                EntraFixtures.SECRET_STAKEHOLDER, EntraFixtures.SECRET_NO_PROJECT, EntraFixtures.SECRET_FULL_EXPIRED);
        assertThat(secrets).doesNotHaveDuplicates().allSatisfy(s -> {
            assertThat(s).hasSize(40).startsWith("fake~").contains("notasecret");
            assertThat(s).doesNotContainPattern("^.{3}\\dQ~"); // the real secret shape scanners look for
        });
        assertThat(App.values()).extracting(App::clientId).containsExactly(CLIENT_ID_FULL,
                EntraFixtures.CLIENT_ID_UNADDED, CLIENT_ID_STAKEHOLDER, EntraFixtures.CLIENT_ID_NO_PROJECT);
        assertThat(App.FULL.displayName()).isEqualTo("InfraKitchen");
    }

    // ---- success ----

    @Test
    void aSecretGetsABearerTokenForAzureDevOpsInEntrasShape() {
        Answer a = post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL));

        assertThat(a.code).isEqualTo(200);
        assertThat(a.headers.get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(a.headers.get("Cache-Control")).isEqualTo("no-store, no-cache");
        JsonNode json = a.json();
        assertThat(json.propertyNames()).containsExactly("token_type", "expires_in", "ext_expires_in", "access_token");
        assertThat(json.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(json.get("ext_expires_in").asInt()).isEqualTo(3599);
        String token = json.get("access_token").asString();
        assertThat(EntraFixtures.verify(token)).contains(App.FULL);
        JsonNode claims = claims(token);
        assertThat(claims.get("aud").asString()).isEqualTo("499b84ac-1321-427f-aa17-267ca6975798");
        assertThat(claims.get("tid").asString()).isEqualTo(TENANT_ID);
        assertThat(claims.get("appid").asString()).isEqualTo(CLIENT_ID_FULL);
        assertThat(claims.get("oid").asString()).isEqualTo(EntraFixtures.OBJECT_ID_FULL);
        assertThat(claims.get("idtyp").asString()).isEqualTo("app");
        assertThat(claims.get("exp").asLong()).isBetween(Instant.now().getEpochSecond() + 3500,
                Instant.now().getEpochSecond() + 3600);
    }

    @Test
    void requestsAreRecordedWithFieldNamesButNoValuesInToString() {
        post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL));
        post(TENANT_ID, secretForm(CLIENT_ID_FULL, "wrong"));

        assertThat(FAKE.tokenRequests()).isEqualTo(2);
        assertThat(FAKE.lastGrantType()).isEqualTo("client_credentials");
        TokenCall call = FAKE.requests().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/" + TENANT_ID + "/oauth2/v2.0/token");
        assertThat(call.fieldNames()).containsExactly("grant_type", "client_id", "scope", "client_secret");
        assertThat(call.field("scope")).isEqualTo(AZURE_DEVOPS_SCOPE);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.toString()).contains("client_secret").doesNotContain(SECRET_FULL);
        assertThat(FAKE.lastRequest().errorCode()).isEqualTo(7000215);
        FAKE.reset();
        assertThat(FAKE.tokenRequests()).isZero();
        assertThat(FAKE.lastGrantType()).isNull();
    }

    @Test
    void theTenantIsAlsoItsVerifiedDomainInAnyCase() {
        assertThat(post(TENANT_DOMAIN, secretForm(CLIENT_ID_FULL, SECRET_FULL)).code).isEqualTo(200);
        assertThat(post("Contoso.OnMicrosoft.com", secretForm(CLIENT_ID_FULL, SECRET_FULL)).code).isEqualTo(200);
        assertThat(post(TENANT_ID.toUpperCase(), secretForm(CLIENT_ID_FULL, SECRET_FULL)).code).isEqualTo(200);
        assertThat(post(TENANT_ID, secretForm(CLIENT_ID_FULL.toUpperCase(), SECRET_FULL)).code).isEqualTo(200);
    }

    @Test
    void everyAppGetsATokenForItsOwnSecretAndTheAzureDevOpsAppIdUriIsTheSameScope() {
        for (App app : App.values()) {
            Answer a = post(TENANT_ID, secretForm(app.clientId(), app.secret()));
            assertThat(a.code).isEqualTo(200);
            assertThat(EntraFixtures.verify(a.json().get("access_token").asString())).contains(app);
        }
        Map<String, String> form = secretForm(CLIENT_ID_FULL, SECRET_FULL);
        form.put("scope", "https://app.vssps.visualstudio.com/.default");
        assertThat(post(TENANT_ID, form).code).isEqualTo(200);
    }

    @Test
    void tokenLifetimeCanBeShortenedForRefreshTests() {
        FAKE.setTokenLifetime(Duration.ofSeconds(5));

        JsonNode json = post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL)).json();

        assertThat(json.get("expires_in").asInt()).isEqualTo(5);
        assertThat(claims(json.get("access_token").asString()).get("exp").asLong())
                .isLessThanOrEqualTo(Instant.now().getEpochSecond() + 5);
    }

    // ---- secrets ----

    @Test
    void aWrongSecretIsAadsts7000215() {
        assertError(post(TENANT_ID, secretForm(CLIENT_ID_FULL, "fake~wrong~notasecret")), 401, "invalid_client",
                7000215, "Invalid client secret provided");
        assertError(post(TENANT_ID, secretForm(CLIENT_ID_STAKEHOLDER, SECRET_FULL)), 401, "invalid_client", 7000215,
                "for a secret added to app '" + CLIENT_ID_STAKEHOLDER + "'");
    }

    @Test
    void theExpiredSecretIsAadsts7000222() {
        assertError(post(TENANT_ID, secretForm(CLIENT_ID_FULL, EntraFixtures.SECRET_FULL_EXPIRED)), 401,
                "invalid_client", 7000222, "The provided client secret keys for app '" + CLIENT_ID_FULL + "' are expired");
    }

    @Test
    void expireSecretMakesAValidSecretExpiredUntilReset() {
        FAKE.expireSecret(CLIENT_ID_FULL, SECRET_FULL);

        assertError(post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL)), 401, "invalid_client", 7000222, "expired");
        assertThat(post(TENANT_ID, secretForm(CLIENT_ID_STAKEHOLDER, EntraFixtures.SECRET_STAKEHOLDER)).code)
                .isEqualTo(200);
        FAKE.reset();
        assertThat(post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL)).code).isEqualTo(200);
    }

    @Test
    void noCredentialIsAadsts7000216AndBothAtOnceIsMalformed() {
        Map<String, String> form = secretForm(CLIENT_ID_FULL, SECRET_FULL);
        form.remove("client_secret");
        assertError(post(TENANT_ID, form), 401, "invalid_client", 7000216,
                "'client_assertion', 'client_secret' or 'request' is required");
        Map<String, String> both = secretForm(CLIENT_ID_FULL, SECRET_FULL);
        both.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        both.put("client_assertion", EntraFixtures.federatedAssertion());
        assertError(post(TENANT_ID, both), 400, "invalid_request", 9002313, "Invalid request");
    }

    // ---- request checks ----

    @Test
    void anUnknownTenantIsAadsts90002ByGuidOrDomain() {
        assertError(post("22222222-2222-2222-2222-222222222222", secretForm(CLIENT_ID_FULL, SECRET_FULL)), 400,
                "invalid_request", 90002, "Tenant '22222222-2222-2222-2222-222222222222' not found");
        assertError(post("fabrikam.onmicrosoft.com", secretForm(CLIENT_ID_FULL, SECRET_FULL)), 400, "invalid_request",
                90002, "Tenant 'fabrikam.onmicrosoft.com' not found");
    }

    @Test
    void anUnknownApplicationIsAadsts700016() {
        assertError(post(TENANT_ID, secretForm("bbbbbbbb-0000-4000-8000-000000000009", SECRET_FULL)), 400,
                "unauthorized_client", 700016, "Application with identifier 'bbbbbbbb-0000-4000-8000-000000000009' was"
                        + " not found in the directory 'Contoso'");
    }

    @Test
    void aScopeOtherThanAzureDevOpsDefaultIsRefused() {
        Map<String, String> form = secretForm(CLIENT_ID_FULL, SECRET_FULL);
        form.put("scope", "499b84ac-1321-427f-aa17-267ca6975798/user_impersonation");
        assertError(post(TENANT_ID, form), 400, "invalid_scope", 1002012, "must have a scope value with /.default");
        form.put("scope", AZURE_DEVOPS_SCOPE + " openid");
        assertError(post(TENANT_ID, form), 400, "invalid_scope", 70011, "The provided value for the input parameter");
        form.put("scope", "https://graph.microsoft.com/.default");
        assertError(post(TENANT_ID, form), 400, "invalid_resource", 500011,
                "The resource principal named https://graph.microsoft.com was not found");
        form.remove("scope");
        assertError(post(TENANT_ID, form), 400, "invalid_request", 900144, "'scope'");
    }

    @Test
    void anotherGrantTypeIsAadsts70003AndNoneIsAadsts900144() {
        Map<String, String> form = secretForm(CLIENT_ID_FULL, SECRET_FULL);
        form.put("grant_type", "password");
        assertError(post(TENANT_ID, form), 400, "unsupported_grant_type", 70003, "unsupported grant type 'password'");
        form.remove("grant_type");
        assertError(post(TENANT_ID, form), 400, "invalid_request", 900144, "'grant_type'");
        Answer json = call(new Request.Builder().url(FAKE.tokenEndpoint(TENANT_ID))
                .post(RequestBody.create("{\"grant_type\":\"client_credentials\"}",
                        MediaType.get("application/json"))).build());
        assertError(json, 400, "invalid_request", 900144, "'grant_type'");
    }

    @Test
    void otherMethodsAndPathsAreRefusedWithTheErrorShape() {
        assertError(call(new Request.Builder().url(FAKE.tokenEndpoint(TENANT_ID)).get().build()), 400,
                "invalid_request", 900561, "Received a GET request");
        Answer other = call(new Request.Builder().url(FAKE.authorityHost() + "/" + TENANT_ID + "/oauth2/token")
                .post(new FormBody.Builder().build()).build());
        assertThat(other.code).isEqualTo(404);
        assertThat(other.json().propertyNames()).containsExactlyElementsOf(ERROR_KEYS);
        assertThat(FAKE.tokenRequests()).isEqualTo(1);
        assertThat(FAKE.requests()).hasSize(2);
    }

    @Test
    void theClientRequestIdBecomesTheCorrelationIdAndIsEchoedWhenAsked() {
        String id = "0c0c0c0c-0000-4000-8000-000000000001";
        Answer a = call(new Request.Builder().url(FAKE.tokenEndpoint(TENANT_ID)).header("client-request-id", id)
                .header("return-client-request-id", "true").post(form(secretForm(CLIENT_ID_FULL, "wrong"))).build());

        assertThat(a.json().get("correlation_id").asString()).isEqualTo(id);
        assertThat(a.headers.get("client-request-id")).isEqualTo(id);
        assertThat(a.headers.get("x-ms-request-id")).isEqualTo(a.json().get("trace_id").asString());
    }

    // ---- certificates ----

    @Test
    void aCertificateAssertionSignedWithThePemKeySucceeds() throws Exception {
        TestCertificate cert = TestCertificates.infraKitchen();
        X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        FAKE.registerCertificate(CLIENT_ID_FULL, fromPem);
        assertThat(cert.pem()).contains(TestSshKeys.begin("CERTIFICATE"), TestSshKeys.begin("PRIVATE KEY"));
        assertThat(cert.rsaPrivateKeyPem()).startsWith(TestSshKeys.begin("RSA PRIVATE KEY"));

        for (String keyPem : List.of(cert.privateKeyPem(), cert.rsaPrivateKeyPem())) {
            PrivateKey key = TestCertificates.readPrivateKey(keyPem);
            String assertion = TestCertificates.signedJwt(key, TestCertificates.assertionHeader(cert),
                    TestCertificates.assertionClaims(CLIENT_ID_FULL, FAKE.tokenEndpoint(TENANT_ID), Instant.now(),
                            Duration.ofMinutes(10)));
            Answer a = post(TENANT_ID, assertionForm(CLIENT_ID_FULL, assertion));
            assertThat(a.code).as(a.body).isEqualTo(200);
            assertThat(EntraFixtures.verify(a.json().get("access_token").asString())).contains(App.FULL);
        }
    }

    @Test
    void aPkcs12KeyAndAnX5tOnlyHeaderWorkToo() throws Exception {
        TestCertificate cert = TestCertificates.infraKitchen();
        FAKE.registerCertificate(CLIENT_ID_FULL, cert.certificate());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(cert.pkcs12("fake-password".toCharArray())), "fake-password".toCharArray());
        PrivateKey key = (PrivateKey) store.getKey("1", "fake-password".toCharArray());
        Map<String, Object> header = TestCertificates.assertionHeader(cert);
        header.remove("x5t#S256");

        String assertion = TestCertificates.signedJwt(key, header, TestCertificates.assertionClaims(CLIENT_ID_FULL,
                FAKE.tokenEndpoint(TENANT_ID), Instant.now(), Duration.ofMinutes(10)));

        assertThat(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, assertion)).code).isEqualTo(200);
    }

    @Test
    void anUnregisteredCertificateIsAadsts700027KeyNotFound() {
        TestCertificate cert = TestCertificates.infraKitchen();
        FAKE.registerCertificate(CLIENT_ID_STAKEHOLDER, cert.certificate()); // another app's
        String assertion = TestCertificates.clientAssertion(cert, CLIENT_ID_FULL, FAKE.tokenEndpoint(TENANT_ID));
        String hex = java.util.HexFormat.of().formatHex(Base64.getUrlDecoder().decode(cert.x5t())).toUpperCase();

        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, assertion)), 401, "invalid_client", 700027,
                "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key"
                        + " used by client: '" + hex + "'");
    }

    @Test
    void aSignatureByAnotherKeyIsAadsts700027SignatureMismatch() {
        TestCertificate registered = TestCertificates.infraKitchen();
        TestCertificate other = TestCertificates.create("Impostor", Instant.now().plus(Duration.ofDays(30)));
        FAKE.registerCertificate(CLIENT_ID_FULL, registered.certificate());
        String assertion = TestCertificates.signedJwt(other.privateKey(), TestCertificates.assertionHeader(registered),
                TestCertificates.assertionClaims(CLIENT_ID_FULL, FAKE.tokenEndpoint(TENANT_ID), Instant.now(),
                        Duration.ofMinutes(10)));

        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, assertion)), 401, "invalid_client", 700027,
                "The provided signature value did not match the expected signature value.");
    }

    @Test
    void anExpiredCertificateIsAadsts700027KeyExpired() {
        TestCertificate expired = TestCertificates.create("InfraKitchen Old", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(1)));
        FAKE.registerCertificate(CLIENT_ID_FULL, expired.certificate());
        String assertion = TestCertificates.clientAssertion(expired, CLIENT_ID_FULL, FAKE.tokenEndpoint(TENANT_ID));

        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, assertion)), 401, "invalid_client", 700027,
                "The key used is expired.");
    }

    @Test
    void theAssertionsAudienceIssuerAndLifetimeAreChecked() {
        TestCertificate cert = TestCertificates.infraKitchen();
        FAKE.registerCertificate(CLIENT_ID_FULL, cert.certificate());
        String endpoint = FAKE.tokenEndpoint(TENANT_ID);

        Map<String, Object> claims = TestCertificates.assertionClaims(CLIENT_ID_FULL,
                "https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/v2.0/token", Instant.now(),
                Duration.ofMinutes(10));
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, sign(cert, claims))), 401, "invalid_client", 50012,
                "audience claim does not match");
        claims = TestCertificates.assertionClaims(CLIENT_ID_FULL, endpoint, Instant.now(), Duration.ofMinutes(10));
        claims.put("iss", CLIENT_ID_STAKEHOLDER);
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, sign(cert, claims))), 401, "invalid_client", 700021,
                "doesn't match 'client_id'");
        claims = TestCertificates.assertionClaims(CLIENT_ID_FULL, endpoint, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(10));
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, sign(cert, claims))), 401, "invalid_client", 700024,
                "Client assertion is not within its valid time range.");
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, "not.a-jwt")), 400, "invalid_request", 50027,
                "JWT token is invalid or malformed.");
        Map<String, String> wrongType = assertionForm(CLIENT_ID_FULL, sign(cert,
                TestCertificates.assertionClaims(CLIENT_ID_FULL, endpoint, Instant.now(), Duration.ofMinutes(10))));
        wrongType.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
        assertError(post(TENANT_ID, wrongType), 400, "invalid_request", 9002313, "Invalid request");
    }

    // ---- federated ----

    @Test
    void theKubernetesServiceAccountTokenOfTheConsoleIsAcceptedForTheFullAppOnly() {
        Answer a = post(TENANT_ID, assertionForm(CLIENT_ID_FULL, EntraFixtures.federatedAssertion()));
        assertThat(a.code).isEqualTo(200);
        assertThat(EntraFixtures.verify(a.json().get("access_token").asString())).contains(App.FULL);

        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_STAKEHOLDER, EntraFixtures.federatedAssertion())), 400,
                "invalid_request", 70021, "No matching federated identity record found for presented assertion.");
        String otherSubject = EntraFixtures.federatedAssertion(EntraFixtures.FEDERATED_ISSUER,
                "system:serviceaccount:default:other", EntraFixtures.FEDERATED_AUDIENCE);
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, otherSubject)), 400, "invalid_request", 70021,
                "Assertion Subject: 'system:serviceaccount:default:other'");
        String otherAudience = EntraFixtures.federatedAssertion(EntraFixtures.FEDERATED_ISSUER,
                EntraFixtures.FEDERATED_SUBJECT, "api://SomethingElse");
        assertError(post(TENANT_ID, assertionForm(CLIENT_ID_FULL, otherAudience)), 400, "invalid_request", 70021,
                "Assertion Audience: 'api://SomethingElse'");
    }

    // ---- tokens ----

    @Test
    void verifyAcceptsOnlyUntamperedUnexpiredTokensOfTheFake() {
        String good = EntraFixtures.accessToken(App.STAKEHOLDER, Instant.now(), Duration.ofMinutes(5));
        String expired = EntraFixtures.accessToken(App.FULL, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(CLIENT_ID_STAKEHOLDER, CLIENT_ID_FULL).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(EntraFixtures.verify(good)).contains(App.STAKEHOLDER);
        assertThat(EntraFixtures.verify(expired)).isEmpty();
        assertThat(EntraFixtures.decode(expired)).hasValueSatisfying(t -> assertThat(t.expired()).isTrue());
        assertThat(EntraFixtures.verify(tampered)).isEmpty();
        assertThat(EntraFixtures.claimsFakeEntraOrigin(tampered)).isTrue();
        assertThat(EntraFixtures.claimsFakeEntraOrigin(EntraFixtures.federatedAssertion())).isFalse();
        assertThat(EntraFixtures.verify("garbage")).isEmpty();
    }

    // ---- unkind transport ----

    @Test
    void theDelayHoldsBackEveryAnswer() {
        FAKE.setDelay(Duration.ofMillis(300));
        long start = System.nanoTime();

        post(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        FAKE.setIdleTimeout(Duration.ofMillis(200));
        OkHttpClient pooled = CLIENT.newBuilder().connectionPool(new ConnectionPool(5, 1, TimeUnit.MINUTES)).build();
        int closedBefore = FAKE.idleClosedCount();
        try (Response r = pooled.newCall(request(TENANT_ID, secretForm(CLIENT_ID_FULL, SECRET_FULL))).execute()) {
            r.body().string();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (FAKE.idleClosedCount() == closedBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(FAKE.idleClosedCount()).isGreaterThan(closedBefore);
        pooled.connectionPool().evictAll();
    }

    @Test
    void selfSignedTlsServesTheSameEndpoint() throws IOException {
        try (FakeEntra tls = new FakeEntra().useSelfSignedTls().start()) {
            OkHttpClient client = CLIENT.newBuilder().sslSocketFactory(
                    tls.clientCertificates().sslSocketFactory(), tls.clientCertificates().trustManager()).build();
            assertThat(tls.authorityHost()).startsWith("https://127.0.0.1:");
            try (Response r = client.newCall(new Request.Builder().url(tls.tokenEndpoint(TENANT_ID))
                    .post(form(secretForm(CLIENT_ID_FULL, SECRET_FULL))).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            assertThat(tls.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        }
    }

    // ---- helpers ----

    private static String sign(TestCertificate cert, Map<String, Object> claims) {
        return TestCertificates.signedJwt(cert.privateKey(), TestCertificates.assertionHeader(cert), claims);
    }

    private static void assertError(Answer a, int status, String error, int code, String messagePart) {
        assertThat(a.code).as(a.body).isEqualTo(status);
        assertThat(a.headers.get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode json = a.json();
        assertThat(json.propertyNames()).containsExactlyElementsOf(ERROR_KEYS);
        assertThat(json.get("error").asString()).isEqualTo(error);
        assertThat(json.get("error_codes").isArray()).isTrue();
        assertThat(json.get("error_codes").get(0).isInt()).isTrue();
        assertThat(json.get("error_codes").get(0).asInt()).isEqualTo(code);
        String timestamp = json.get("timestamp").asString();
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        assertThat(json.get("trace_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(json.get("correlation_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(json.get("error_uri").asString()).isEqualTo("https://login.microsoftonline.com/error?code=" + code);
        assertThat(json.get("error_description").asString()).startsWith("AADSTS" + code + ": ").contains(messagePart)
                .endsWith("\r\nTrace ID: " + json.get("trace_id").asString() + "\r\nCorrelation ID: "
                        + json.get("correlation_id").asString() + "\r\nTimestamp: " + timestamp);
    }

    private static Map<String, String> secretForm(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("scope", AZURE_DEVOPS_SCOPE);
        form.put("client_secret", secret);
        return form;
    }

    private static Map<String, String> assertionForm(String clientId, String assertion) {
        Map<String, String> form = secretForm(clientId, null);
        form.remove("client_secret");
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        return form;
    }

    private static FormBody form(Map<String, String> fields) {
        FormBody.Builder body = new FormBody.Builder();
        fields.forEach(body::add);
        return body.build();
    }

    private static Request request(String tenant, Map<String, String> fields) {
        return new Request.Builder().url(FAKE.tokenEndpoint(tenant)).post(form(fields)).build();
    }

    private static Answer post(String tenant, Map<String, String> fields) {
        return call(request(tenant, fields));
    }

    private static Answer call(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private record Answer(int code, Headers headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
