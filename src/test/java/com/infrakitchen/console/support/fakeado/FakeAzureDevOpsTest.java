package com.infrakitchen.console.support.fakeado;

import static com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ANONYMOUS_ID;
import static com.infrakitchen.console.support.fakeado.FakeTokens.ENTRA_BEARER_JWT;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_CAP_BLOCKED;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_CODE_ONLY;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_CODE_READ;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_EXPIRED;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_FLAKY;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_FULL;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_FULL_84;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_GLOBAL_BLOCKED;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_NOT_MEMBER;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_OTHER_ORG;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_PROJECT_ONLY;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_RATE_LIMITED;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_REVOKED;
import static com.infrakitchen.console.support.fakeado.FakeTokens.PAT_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.Chaos;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ConnectionDataAnonymous;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.RecordedCall;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ResourceAreasUnknownOrg;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.UnknownOrgBody;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import com.infrakitchen.console.support.fakeentra.FakeEntra;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parity tests: the fake honours its contract ({@code docs/azure-devops.md} §12) with the shapes of §2-§5 and §7, byte
 * for byte where the doc gives them. Raw OkHttp, redirects off, no Spring.
 */
class FakeAzureDevOpsTest {

    private static final String F1 = "{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF400813: Resource not"
            + " available for anonymous access. Client authentication required.\",\"typeName\":\"Microsoft.TeamFoundation"
            + ".Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server\",\"typeKey\":"
            + "\"UnauthorizedRequestException\",\"errorCode\":0,\"eventId\":3000}";
    private static final String F1_HEADER = "TF400813%3A%20Resource%20not%20available%20for%20anonymous%20access."
            + "%20Client%20authentication%20required.";
    private static final String F2 = "{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF400813: The user"
            + " 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa' is not authorized to access this resource.\",\"typeName\":"
            + "\"Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation"
            + ".Framework.Server\",\"typeKey\":\"UnauthorizedRequestException\",\"errorCode\":0,\"eventId\":3000}";
    private static final String F2_HEADER = "TF400813%3A%20The%20user%20%27aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa%27"
            + "%20is%20not%20authorized%20to%20access%20this%20resource.";
    private static final String F4 = "{\"$id\":\"1\",\"customProperties\":{\"Descriptor\":null,\"IdentityDisplayName\""
            + ":null,\"Token\":null,\"RequestedPermissions\":0,\"NamespaceId\":\"00000000-0000-0000-0000-000000000000\"},"
            + "\"innerException\":null,\"message\":\"Access Denied: The Personal Access Token used has expired.\","
            + "\"typeName\":\"Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio"
            + ".Services.WebApi\",\"typeKey\":\"AccessCheckException\",\"errorCode\":0,\"eventId\":3000}";
    private static final String F4_HEADER =
            "Access%20Denied%3A%20The%20Personal%20Access%20Token%20used%20has%20expired.";
    private static final String F15 = "{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF400733: The request has"
            + " been canceled: Request was blocked due to exceeding usage of resource 'Core' in namespace 'User'.\","
            + "\"typeName\":\"Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, Microsoft.TeamFoundation"
            + ".Framework.Server\",\"typeKey\":\"RequestBlockedException\",\"errorCode\":0,\"eventId\":3000}";
    private static final String PROJECTS = "/contoso/_apis/projects?$top=1&api-version=7.1";
    private static final String REPOS = "/contoso/_apis/git/repositories?api-version=7.1";
    private static final String UPLOAD = "/contoso/Web/_git/web-app/info/refs?service=git-upload-pack";
    private static final String RECEIVE = "/contoso/Web/_git/web-app/info/refs?service=git-receive-pack";
    private static final String CONNECTION_DATA = "/contoso/_apis/connectionData?connectOptions=1&lastChangeId=-1"
            + "&lastChangeId64=-1&api-version=7.1-preview.1";
    private static final String RESOURCE_AREAS =
            "/_apis/resourceAreas/79134C72-4A58-4B42-976C-04E7115F32BF?api-version=5.0-preview.1&accountName=";

    private static final FakeAzureDevOps FAKE = new FakeAzureDevOps();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Counts requests exactly: no retries, and no connection reuse (the fake closes idle ones after 1 s). */
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().followRedirects(false)
            .followSslRedirects(false).retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(10))
            .connectionPool(new okhttp3.ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS)).build();

    @BeforeAll
    static void start() {
        FAKE.start();
    }

    @AfterAll
    static void stop() {
        FAKE.close();
        CLIENT.dispatcher().executorService().shutdown();
        CLIENT.connectionPool().evictAll();
    }

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    // ---- tokens ----

    @Test
    void tokensAreObviouslyFakeButShapedLikeRealPats() {
        assertThat(FakeTokens.ALL_PATS).doesNotHaveDuplicates().allMatch(t -> t.startsWith("fake"));
        assertThat(FakeTokens.ALL_PATS.stream().filter(t -> t != PAT_FULL_84))
                .allMatch(t -> t.matches("[a-z2-7]{52}"));
        assertThat(PAT_FULL_84).hasSize(84).matches("^.{76}AZDO.{4}$");
        assertThat(ENTRA_BEARER_JWT.split("\\.")).hasSize(3);
    }

    @Test
    void fullTokenListsProjectsAsVersionedJsonWithCorrelationHeaders() {
        Answer a = call(PROJECTS, PAT_FULL, b -> b.header("X-TFS-Session", "my-session"));

        assertThat(a.code).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8; api-version=7.1");
        assertThat(a.header("ActivityId")).matches("[0-9a-f-]{36}");
        assertThat(a.header("X-VSS-E2EID")).isEqualTo(a.header("ActivityId"));
        assertThat(a.header("X-TFS-Session")).isEqualTo("my-session");
        assertThat(a.header("X-TFS-ProcessId")).isNotBlank();
        assertThat(a.header("X-VSS-UserData")).isEqualTo(FakeAzureDevOps.ALICE_ID + ":alice@contoso.com");
        JsonNode json = a.json();
        assertThat(json.get("count").asInt()).isEqualTo(1);
        JsonNode web = json.get("value").get(0);
        assertThat(web.get("id").asString()).isEqualTo(FakeAzureDevOps.WEB_PROJECT_ID);
        assertThat(web.get("name").asString()).isEqualTo("Web");
        assertThat(web.get("state").asString()).isEqualTo("wellFormed");
        assertThat(web.get("url").asString())
                .isEqualTo(FAKE.baseUrl() + "/contoso/_apis/projects/" + FakeAzureDevOps.WEB_PROJECT_ID);
    }

    @Test
    void sessionIsTheActivityIdWhenTheClientSendsNone() {
        Answer a = get(PROJECTS, PAT_FULL);

        assertThat(a.header("X-TFS-Session")).isEqualTo(a.header("ActivityId"));
    }

    @Test
    void everyRequestIsRecordedWithTheTokenOnlyInTheAuthorizationHeader() {
        get(PROJECTS, PAT_FULL);

        assertThat(FAKE.requestCount()).isEqualTo(1);
        List<RecordedCall> calls = FAKE.takeRequests();
        assertThat(calls).hasSize(1);
        RecordedCall call = calls.get(0);
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/contoso/_apis/projects");
        assertThat(call.target()).isEqualTo(PROJECTS).doesNotContain(PAT_FULL);
        assertThat(call.header("Authorization")).isEqualTo(FakeTokens.basic(PAT_FULL));
        assertThat(call.header("X-TFS-FedAuthRedirect")).isEqualTo("Suppress");
        assertThat(FAKE.takeRequests()).isEmpty();
        assertThat(FAKE.requestCount()).isEqualTo(1);
    }

    // ---- 12.2 step 1: org routing ----

    @Test
    void unknownOrgIsA404TextPlainEvenWithAValidToken() {
        Answer a = get("/contosso/_apis/projects?$top=1&api-version=7.1", PAT_FULL);

        assertThat(a.code).isEqualTo(404);
        assertThat(a.message).isEqualTo("Not Found");
        assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(a.header("Content-Length")).isEqualTo("29");
        assertThat(a.body).isEqualTo("The resource cannot be found.");
        assertThat(a.headers.values("WWW-Authenticate")).isEmpty();
        assertThat(a.header("ActivityId")).isNotBlank();
    }

    @Test
    void unknownOrgCanAnswerAnHtmlPage() {
        FAKE.setUnknownOrgBody(UnknownOrgBody.HTML);

        Answer a = get("/nope/_apis/projects", PAT_FULL);

        assertThat(a.code).isEqualTo(404);
        assertThat(a.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(a.body).contains("<title>Page not found.</title>");
    }

    @Test
    void orgNamesAreCaseInsensitive() {
        assertThat(get("/Contoso/_apis/projects", PAT_FULL).code).isEqualTo(200);
    }

    // ---- 12.2 step 2: Authorization ----

    @Test
    void missingAuthorizationIsF1() {
        Answer a = get(PROJECTS, null);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.message).isEqualTo("Unauthorized");
        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(a.body).isEqualTo(F1);
        assertThat(a.header("X-TFS-ServiceError")).isEqualTo(F1_HEADER);
        assertThat(a.headers.values("WWW-Authenticate")).containsExactly(
                "Bearer authorization_uri=https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111",
                "Basic realm=\"https://tfsprodfake1.app.visualstudio.com/\"", "TFS-Federated");
        assertThat(a.header("X-VSS-ResourceTenant")).isEqualTo(FakeAzureDevOps.CONTOSO_TENANT);
        assertThat(a.header("ActivityId")).isNotBlank();
    }

    static Stream<String> unrecognisedTokens() {
        return Stream.of(PAT_UNKNOWN, PAT_REVOKED, PAT_OTHER_ORG, PAT_FULL + "=", "garbage");
    }

    @ParameterizedTest
    @MethodSource("unrecognisedTokens")
    void unrecognisedTokenIsF2ByteForByte(String token) {
        Answer a = get(PROJECTS, token);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(a.body).isEqualTo(F2);
        assertThat(a.header("X-TFS-ServiceError")).isEqualTo(F2_HEADER);
        assertThat(URLDecoder.decode(a.header("X-TFS-ServiceError"), StandardCharsets.UTF_8))
                .isEqualTo(a.json().get("message").asString());
        assertThat(a.headers.values("WWW-Authenticate")).hasSize(3);
    }

    @Test
    void tokenOfAnotherOrgWorksInItsOwnOrgWhichIsMsaBacked() {
        Answer own = get("/fabrikam/_apis/projects", PAT_OTHER_ORG);
        Answer fullThere = get("/fabrikam/_apis/projects", PAT_FULL);

        assertThat(own.code).isEqualTo(200);
        assertThat(own.json().get("value").get(0).get("name").asString()).isEqualTo("Fabrikam-Fiber-Git");
        assertThat(fullThere.body).isEqualTo(F2);
        assertThat(fullThere.header("X-VSS-ResourceTenant")).isEqualTo(FakeAzureDevOps.MSA_TENANT);
    }

    @Test
    void expiredTokenIsF4ByteForByte() {
        Answer a = get(PROJECTS, PAT_EXPIRED);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(a.body).isEqualTo(F4);
        assertThat(a.header("X-TFS-ServiceError")).isEqualTo(F4_HEADER);
    }

    @Test
    void userWhoIsNotAMemberIsF8WithTheirOwnId() {
        Answer a = get(PROJECTS, PAT_NOT_MEMBER);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.json().get("message").asString()).isEqualTo(
                "TF400813: The user '" + FakeAzureDevOps.BOB_ID + "' is not authorized to access this resource.");
        assertThat(a.json().get("typeKey").asString()).isEqualTo("UnauthorizedRequestException");
        assertThat(a.header("X-VSS-UserData")).startsWith(FakeAzureDevOps.BOB_ID + ":");
    }

    @Test
    void blockedGlobalPatIsF9Html() {
        Answer a = get(PROJECTS, PAT_GLOBAL_BLOCKED);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(a.body).contains("<title>The organization&#39;s security policy prohibits access</title>");
        assertThat(URLDecoder.decode(a.header("X-TFS-ServiceError"), StandardCharsets.UTF_8)).isEqualTo(
                "The organization's security policy prohibits access by global Personal Access Token (PAT) unless"
                        + " you are on an allowlist. Contact your organization administrator to be included on the"
                        + " allowlist.");
        assertThat(a.header("X-TFS-ServiceError")).doesNotContain(" ").contains("%27");
    }

    @Test
    void conditionalAccessIsA403WithVS403463() {
        Answer a = get(PROJECTS, PAT_CAP_BLOCKED);

        assertThat(a.code).isEqualTo(403);
        assertThat(a.json().get("message").asString()).startsWith("VS403463: The conditional access policy");
        assertThat(a.header("X-TFS-ServiceError")).startsWith("VS403463%3A%20");
    }

    @Test
    void patSentAsBearerIsTF400813ForTheEmptyUser() {
        Answer a = call(PROJECTS, null, b -> b.header("Authorization", "Bearer " + PAT_FULL));

        assertThat(a.code).isEqualTo(401);
        assertThat(a.json().get("message").asString())
                .isEqualTo("TF400813: The user '' is not authorized to access this resource.");
    }

    @Test
    void entraBearerTokenIsAccepted() {
        assertThat(call(PROJECTS, null, b -> b.header("Authorization", "Bearer " + ENTRA_BEARER_JWT)).code)
                .isEqualTo(200);
    }

    @Test
    void theUnsignedEntraTestJwtIsStillAliceWithEveryScope() {
        Answer identity = bearer(CONNECTION_DATA, ENTRA_BEARER_JWT);

        assertThat(identity.json().get("authenticatedUser").get("providerDisplayName").asString()).isEqualTo("Alice");
        assertThat(bearer(RECEIVE, ENTRA_BEARER_JWT).code).isEqualTo(200);
        assertThat(bearer("/fabrikam/_apis/projects", ENTRA_BEARER_JWT).code).isEqualTo(200);
    }

    // ---- service principals: tokens of the fake Entra (12.6) ----

    private static final String TF401444 = "TF401444: Please sign-in at least once as"
            + " 11111111-1111-1111-1111-111111111111\\" + EntraFixtures.OBJECT_ID_UNADDED
            + " in a web browser to enable access to the service.";

    private static String spToken(EntraFixtures.App app) {
        return EntraFixtures.accessToken(app, Instant.now(), Duration.ofMinutes(5));
    }

    @Test
    void aTokenTheFakeEntraIssuedToTheFullAppIsItsServicePrincipalWithFullAccessInContoso() throws IOException {
        String token;
        try (FakeEntra entra = new FakeEntra().start();
                Response r = CLIENT.newCall(new Request.Builder().url(entra.tokenEndpoint(EntraFixtures.TENANT_ID))
                        .post(new FormBody.Builder().add("grant_type", "client_credentials")
                                .add("client_id", EntraFixtures.CLIENT_ID_FULL)
                                .add("scope", EntraFixtures.AZURE_DEVOPS_SCOPE)
                                .add("client_secret", EntraFixtures.SECRET_FULL).build()).build()).execute()) {
            token = JSON.readTree(r.body().string()).get("access_token").asString();
        }

        Answer identity = bearer(CONNECTION_DATA, token);
        JsonNode user = identity.json().get("authenticatedUser");
        assertThat(user.get("providerDisplayName").asString()).isEqualTo("InfraKitchen");
        assertThat(user.get("id").asString()).isEqualTo(EntraFixtures.OBJECT_ID_FULL);
        assertThat(user.get("subjectDescriptor").asString()).startsWith("aadsp.");
        assertThat(identity.header("X-VSS-UserData")).startsWith(EntraFixtures.OBJECT_ID_FULL + ":");
        assertThat(bearer(PROJECTS, token).json().get("count").asInt()).isEqualTo(1);
        assertThat(bearer(REPOS, token).json().get("count").asInt()).isEqualTo(3);
        assertThat(bearer(UPLOAD, token).code).isEqualTo(200);
        assertThat(bearer(RECEIVE, token).code).isEqualTo(200);
        assertThat(bearer("/contoso/Web/_apis/git/repositories/web-app/refs?api-version=7.1", token).code)
                .isEqualTo(200);
        Answer elsewhere = bearer("/fabrikam/_apis/projects", token);
        assertThat(elsewhere.code).isEqualTo(401);
        assertThat(elsewhere.json().get("message").asString())
                .isEqualTo("TF400813: The user '' is not authorized to access this resource.");
    }

    @Test
    void theAppNeverAddedToAnOrganizationGetsTf401444OnEveryRouteOfEveryOrg() {
        String token = spToken(EntraFixtures.App.UNADDED);
        String body = "{\"$id\":\"1\",\"innerException\":null,\"message\":\""
                + TF401444.replace("\\", "\\\\") + "\",\"typeName\":\"Microsoft.TeamFoundation.Framework.Server"
                + ".UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server\",\"typeKey\":"
                + "\"UnauthorizedRequestException\",\"errorCode\":0,\"eventId\":3000}";

        for (String path : List.of(PROJECTS, CONNECTION_DATA, REPOS, UPLOAD, RECEIVE, "/fabrikam/_apis/projects",
                "/vssps/contoso/_apis/profile/profiles/me?api-version=7.1")) {
            Answer a = bearer(path, token);
            assertThat(a.code).as(path).isEqualTo(401);
            assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(a.body).as(path).isEqualTo(body);
            assertThat(URLDecoder.decode(a.header("X-TFS-ServiceError"), StandardCharsets.UTF_8)).isEqualTo(TF401444);
            assertThat(a.headers.values("WWW-Authenticate")).hasSize(3);
        }
        assertThat(bearer("/_apis/profile/profiles/me?api-version=7.1", token).json().get("message").asString())
                .isEqualTo(TF401444);
    }

    @Test
    void aStakeholderPrincipalListsProjectsButEveryGitRouteIs404Tf401019() {
        String token = spToken(EntraFixtures.App.STAKEHOLDER);

        assertThat(bearer(CONNECTION_DATA, token).json().get("authenticatedUser").get("providerDisplayName")
                .asString()).isEqualTo("InfraKitchen Stakeholder");
        assertThat(bearer(PROJECTS, token).json().get("count").asInt()).isEqualTo(1);
        Answer listing = bearer(REPOS, token);
        assertThat(listing.code).isEqualTo(404);
        assertThat(listing.json().get("typeKey").asString()).isEqualTo("GitRepositoryNotFoundException");
        assertThat(listing.json().get("message").asString()).isEqualTo("TF401019: The Git repository with name or"
                + " identifier  does not exist or you do not have permissions for the operation you are attempting.");
        assertThat(bearer("/contoso/Web/_apis/git/repositories?api-version=7.1", token).code).isEqualTo(404);
        for (String path : List.of("/contoso/Web/_apis/git/repositories/web-app/refs?api-version=7.1", UPLOAD,
                RECEIVE)) {
            Answer a = bearer(path, token);
            assertThat(a.code).as(path).isEqualTo(404);
            assertThat(a.json().get("typeKey").asString()).isEqualTo("GitRepositoryNotFoundException");
            assertThat(a.json().get("message").asString()).startsWith("TF401019: The Git repository with name or"
                    + " identifier web-app does not exist");
        }
    }

    @Test
    void aPrincipalWithNoProjectSeesNoneAndItsRepositoryListingIsVs800075() {
        String token = spToken(EntraFixtures.App.NO_PROJECT);

        assertThat(bearer(CONNECTION_DATA, token).json().get("authenticatedUser").get("providerDisplayName")
                .asString()).isEqualTo("InfraKitchen No Project");
        Answer projects = bearer(PROJECTS, token);
        assertThat(projects.code).isEqualTo(200);
        assertThat(projects.body).isEqualTo("{\"count\":0,\"value\":[]}");
        Answer listing = bearer(REPOS, token);
        assertThat(listing.code).isEqualTo(404);
        assertThat(listing.json().get("typeKey").asString()).isEqualTo("ProjectDoesNotExistException");
        assertThat(listing.json().get("message").asString()).isEqualTo("VS800075: The project with id"
                + " 'vstfs:///Classification/TeamProject/" + FakeAzureDevOps.WEB_PROJECT_ID + "' does not exist, or you"
                + " do not have permission to access it.");
        assertThat(URLDecoder.decode(listing.header("X-TFS-ServiceError"), StandardCharsets.UTF_8))
                .startsWith("VS800075: ");
        assertThat(bearer("/contoso/Fabrikam%20Fiber/_apis/git/repositories?api-version=7.1", token).json()
                .get("message").asString()).contains(FakeAzureDevOps.FABRIKAM_FIBER_PROJECT_ID);
        assertThat(bearer(UPLOAD, token).code).isEqualTo(404);
    }

    @Test
    void anExpiredOrTamperedTokenOfTheFakeEntraIsRefusedLikeAnExpiredBearer() {
        String expired = EntraFixtures.accessToken(EntraFixtures.App.FULL, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
        String[] parts = spToken(EntraFixtures.App.FULL).split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
                + parts[2].substring(1);

        for (String token : List.of(expired, tampered)) {
            Answer a = bearer(PROJECTS, token);
            assertThat(a.code).isEqualTo(401);
            assertThat(a.json().get("message").asString())
                    .isEqualTo("TF400813: The user '' is not authorized to access this resource.");
            assertThat(a.json().get("typeKey").asString()).isEqualTo("UnauthorizedRequestException");
            assertThat(a.headers.values("WWW-Authenticate")).hasSize(3);
        }
        Answer redirected = call(PROJECTS, null, b -> b.header("Authorization", "Bearer " + expired), false);
        assertThat(redirected.code).isEqualTo(302);
    }

    @Test
    void basicUserNameIsIgnored() {
        assertThat(call(PROJECTS, null, b -> b.header("Authorization", FakeTokens.basic("anything", PAT_FULL))).code)
                .isEqualTo(200);
    }

    @Test
    void newFormatTokenBehavesLikeTheFullOne() {
        assertThat(get(PROJECTS, PAT_FULL_84).code).isEqualTo(200);
        assertThat(get(RECEIVE, PAT_FULL_84).code).isEqualTo(200);
        assertThat(get("/fabrikam/_apis/projects", PAT_FULL_84).body).isEqualTo(F2);
    }

    // ---- 12.2 step 3: redirect mode ----

    @Test
    void withoutSuppressAFailedAuthRedirectsToTheSignInPageWhichAnswers203() {
        Answer a = call(PROJECTS, null, b -> b.header("Authorization", FakeTokens.basic(PAT_UNKNOWN)), false);

        assertThat(a.code).isEqualTo(302);
        String location = a.header("Location");
        assertThat(location).isEqualTo(FAKE.baseUrl() + "/_signin?realm=dev.azure.com&reply_to="
                + AdoResponses.pct(FAKE.baseUrl() + PROJECTS));
        assertThat(location).contains("reply_to=http%3A%2F%2F127.0.0.1%3A").contains("%2Fcontoso%2F_apis%2Fprojects");
        assertThat(a.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(a.body).isEqualTo("<html><head><title>Object moved</title></head><body><h2>Object moved to"
                + " <a href=\"" + location.replace("&", "&amp;") + "\">here</a>.</h2></body></html>");

        Answer signIn = call(location.substring(FAKE.baseUrl().length()), null, b -> { }, false);
        assertThat(signIn.code).isEqualTo(203);
        assertThat(signIn.message).isEqualTo("Non-Authoritative Information");
        assertThat(signIn.header("Content-Type")).startsWith("text/html");
        assertThat(signIn.body).contains("<title>Azure DevOps Services | Sign In</title>");
    }

    @Test
    void withoutSuppressMissingCredentialsAlsoRedirect() {
        assertThat(call(PROJECTS, null, b -> { }, false).code).isEqualTo(302);
    }

    @Test
    void gitNeverRedirectsAndAsksForBasic() {
        Answer a = call(UPLOAD, null, b -> b.header("Authorization", FakeTokens.basic("git", PAT_UNKNOWN)), false);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.headers.values("WWW-Authenticate")).anyMatch(v -> v.startsWith("Basic realm="));
        assertThat(call(UPLOAD, null, b -> { }, false).code).isEqualTo(401);
    }

    // ---- 12.2 step 4: scopes ----

    @Test
    void missingScopeIsAnEmpty401WithAuthenticateAndCorrelationHeaders() {
        for (boolean suppress : new boolean[] {true, false}) {
            Answer a = call(REPOS, PAT_PROJECT_ONLY, b -> { }, suppress);

            assertThat(a.code).isEqualTo(401);
            assertThat(a.header("Content-Type")).isNull();
            assertThat(a.header("Content-Length")).isEqualTo("0");
            assertThat(a.body).isEmpty();
            assertThat(a.headers.values("WWW-Authenticate")).hasSize(3);
            assertThat(a.header("X-VSS-ResourceTenant")).isEqualTo(FakeAzureDevOps.CONTOSO_TENANT);
            assertThat(a.header("ActivityId")).isNotBlank();
            assertThat(a.header("X-TFS-ServiceError")).isNull();
        }
        Answer projects = get(PROJECTS, PAT_CODE_ONLY);
        assertThat(projects.code).isEqualTo(401);
        assertThat(projects.body).isEmpty();
    }

    static Stream<Arguments> scopeTable() {
        String refs = "/contoso/Web/_apis/git/repositories/web-app/refs?filter=heads/&$top=1&api-version=7.1";
        String profile = "/vssps/contoso/_apis/profile/profiles/me?api-version=7.1";
        return Stream.of(
                Arguments.of(PAT_PROJECT_ONLY, PROJECTS, 200), Arguments.of(PAT_CODE_ONLY, PROJECTS, 401),
                Arguments.of(PAT_CODE_ONLY, REPOS, 200), Arguments.of(PAT_PROJECT_ONLY, REPOS, 401),
                Arguments.of(PAT_CODE_ONLY, refs, 200), Arguments.of(PAT_PROJECT_ONLY, refs, 401),
                Arguments.of(PAT_CODE_ONLY, UPLOAD, 200), Arguments.of(PAT_PROJECT_ONLY, UPLOAD, 401),
                Arguments.of(PAT_CODE_READ, UPLOAD, 200), Arguments.of(PAT_CODE_READ, RECEIVE, 401),
                Arguments.of(PAT_CODE_ONLY, RECEIVE, 401), Arguments.of(PAT_FULL, RECEIVE, 200),
                Arguments.of(PAT_PROJECT_ONLY, CONNECTION_DATA, 200), Arguments.of(PAT_CODE_ONLY, CONNECTION_DATA, 200),
                Arguments.of(PAT_FULL, profile, 200), Arguments.of(PAT_CODE_READ, profile, 401));
    }

    @ParameterizedTest(name = "{index}: {1} -> {2}")
    @MethodSource("scopeTable")
    void eachRouteNeedsItsScope(String token, String path, int status) {
        Answer a = get(path, token);

        assertThat(a.code).isEqualTo(status);
        if (status == 401) {
            assertThat(a.body).isEmpty();
        }
    }

    // ---- Git smart HTTP ----

    @Test
    void uploadPackAdvertisesHeadAndRefsInPktLines() {
        Answer a = get(UPLOAD, PAT_CODE_READ);

        assertThat(a.header("Content-Type")).isEqualTo("application/x-git-upload-pack-advertisement");
        assertThat(a.body).startsWith("001e# service=git-upload-pack\n0000").endsWith("0000");
        List<String> lines = pktLines(a.body);
        assertThat(lines.get(0)).isEqualTo("# service=git-upload-pack\n");
        assertThat(lines.get(1)).isNull();
        assertThat(lines.get(2)).startsWith(FakeAzureDevOps.WEB_APP_MAIN_SHA + " HEAD\0multi_ack")
                .contains("symref=HEAD:refs/heads/main");
        assertThat(lines).contains(FakeAzureDevOps.WEB_APP_MAIN_SHA + " refs/heads/main\n");
        assertThat(lines.get(lines.size() - 1)).isNull();
    }

    @Test
    void receivePackAdvertisesRefsToACodeWriteToken() {
        Answer a = get(RECEIVE, PAT_FULL);

        assertThat(a.code).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("application/x-git-receive-pack-advertisement");
        assertThat(a.body).startsWith("001f# service=git-receive-pack\n0000").endsWith("0000");
        List<String> lines = pktLines(a.body);
        assertThat(lines.get(2)).contains(" refs/heads/").contains("\0report-status");
        assertThat(lines).contains(FakeAzureDevOps.WEB_APP_MAIN_SHA + " refs/heads/main\n");
    }

    @Test
    void emptyRepoAdvertisesOnlyCapabilities() {
        Answer a = get("/contoso/Web/_git/empty-repo/info/refs?service=git-upload-pack", PAT_FULL);

        assertThat(a.code).isEqualTo(200);
        List<String> lines = pktLines(a.body);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("0000000000000000000000000000000000000000 capabilities^{}\0");
    }

    @Test
    void disabledOrMissingRepoIsA404Tf401019ForGit() {
        for (String repo : List.of("old", "nope")) {
            Answer a = get("/contoso/Web/_git/" + repo + "/info/refs?service=git-upload-pack", PAT_FULL);

            assertThat(a.code).isEqualTo(404);
            assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(a.body).isEqualTo("TF401019: The Git repository with name or identifier " + repo
                    + " does not exist or you do not have permissions for the operation you are attempting.");
        }
    }

    // ---- rate limit and flaky ----

    @Test
    void rateLimitedTokenIsWarnedThenGets429FromTheNthRequest() {
        FAKE.setRateLimitThreshold(3);

        for (int i = 1; i <= 2; i++) {
            Answer warned = get(PROJECTS, PAT_RATE_LIMITED);
            assertThat(warned.code).isEqualTo(200);
            assertThat(warned.header("Retry-After")).isEqualTo("30");
            assertThat(warned.header("X-RateLimit-Resource")).isEqualTo("Core");
            assertThat(warned.header("X-RateLimit-Limit")).isEqualTo("200");
            assertThat(Integer.parseInt(warned.header("X-RateLimit-Remaining"))).isPositive();
            assertThat(warned.header("X-RateLimit-Reset")).matches("\\d{10}");
            assertThat(warned.header("X-RateLimit-Delay")).isNull();
        }
        for (int i = 3; i <= 4; i++) {
            Answer blocked = get(PROJECTS, PAT_RATE_LIMITED);
            assertThat(blocked.code).isEqualTo(429);
            assertThat(blocked.message).isEqualTo("Too Many Requests");
            assertThat(blocked.body).isEqualTo(F15);
            assertThat(blocked.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(blocked.header("Retry-After")).isEqualTo("30");
            assertThat(blocked.header("X-RateLimit-Resource")).isEqualTo("Core");
            assertThat(blocked.header("X-RateLimit-Delay")).isEqualTo("0.000");
            assertThat(blocked.header("X-RateLimit-Limit")).isEqualTo("200");
            assertThat(blocked.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(blocked.header("X-RateLimit-Reset")).matches("\\d{10}");
        }
        assertThat(FAKE.requestCount()).isEqualTo(4);
    }

    @Test
    void flakyTokenGetsOne503PageThenWorks() {
        Answer first = get(PROJECTS, PAT_FLAKY);
        Answer second = get(PROJECTS, PAT_FLAKY);

        assertThat(first.code).isEqualTo(503);
        assertThat(first.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(first.body).contains("<title>Azure DevOps Services Unavailable</title>");
        assertThat(first.header("Retry-After")).isNull();
        assertThat(second.code).isEqualTo(200);
        assertThat(FAKE.requestCount()).isEqualTo(2);
    }

    // ---- projects paging ----

    @Test
    void projectsPageWithTopSkipAndContinuationToken() {
        Answer first = get("/bigorg/_apis/projects?api-version=7.1", PAT_FULL);
        assertThat(first.json().get("count").asInt()).isEqualTo(100);
        assertThat(first.header("X-MS-ContinuationToken")).isEqualTo("100");

        Answer rest = get("/bigorg/_apis/projects?continuationToken=100&api-version=7.1", PAT_FULL);
        assertThat(rest.json().get("count").asInt()).isEqualTo(FakeAzureDevOps.BIGORG_PROJECT_COUNT - 100);
        assertThat(rest.json().get("value").get(0).get("name").asString()).isEqualTo("Project 101");
        assertThat(rest.header("X-MS-ContinuationToken")).isNull();

        Answer window = get("/bigorg/_apis/projects?$top=10&$skip=5&api-version=7.1", PAT_FULL);
        assertThat(window.json().get("count").asInt()).isEqualTo(10);
        assertThat(window.json().get("value").get(0).get("name").asString()).isEqualTo("Project 006");
        assertThat(window.header("X-MS-ContinuationToken")).isEqualTo("15");

        Answer contoso = get("/contoso/_apis/projects?api-version=7.1", PAT_FULL);
        assertThat(contoso.json().get("count").asInt()).isEqualTo(2);
        assertThat(contoso.header("X-MS-ContinuationToken")).isNull();
    }

    @Test
    void aCappedProjectsPageIsSmallerThanTopAndItsContinuationTokenLeadsThroughAll() {
        FAKE.setProjectsPageCap(40);
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            Answer page = get("/bigorg/_apis/projects?$top=100" + (token == null ? "" : "&continuationToken=" + token)
                    + "&api-version=7.1", PAT_FULL);
            assertThat(page.json().get("count").asInt()).isLessThanOrEqualTo(40);
            page.json().get("value").forEach(p -> names.add(p.get("name").asString()));
            token = page.header("X-MS-ContinuationToken");
            if (token != null) {
                tokens.add(token);
            }
        } while (token != null);

        assertThat(tokens).containsExactly("40", "80", "120");
        assertThat(names).hasSize(FakeAzureDevOps.BIGORG_PROJECT_COUNT).doesNotHaveDuplicates()
                .startsWith("Project 001").endsWith("Project 150");

        FAKE.reset();
        assertThat(get("/bigorg/_apis/projects?$top=100&api-version=7.1", PAT_FULL).json().get("count").asInt())
                .as("reset lifts the cap").isEqualTo(100);
    }

    // ---- repositories and refs ----

    @Test
    void repositoriesAtOrgAndProjectLevel() {
        JsonNode all = get(REPOS, PAT_FULL).json();
        assertThat(all.get("count").asInt()).isEqualTo(3);

        JsonNode webApp = all.get("value").get(0);
        assertThat(webApp.get("name").asString()).isEqualTo("web-app");
        assertThat(webApp.get("defaultBranch").asString()).isEqualTo("refs/heads/main");
        assertThat(webApp.get("project").get("name").asString()).isEqualTo("Web");
        assertThat(webApp.get("remoteUrl").asString())
                .isEqualTo("http://contoso@127.0.0.1:" + FAKE.port() + "/contoso/Web/_git/web-app");
        assertThat(webApp.get("sshUrl").asString()).isEqualTo("git@ssh.dev.azure.com:v3/contoso/Web/web-app");
        assertThat(webApp.get("webUrl").asString()).isEqualTo(FAKE.baseUrl() + "/contoso/Web/_git/web-app");
        assertThat(webApp.get("isDisabled").asBoolean()).isFalse();

        JsonNode empty = all.get("value").get(1);
        assertThat(empty.get("name").asString()).isEqualTo("empty-repo");
        assertThat(empty.has("defaultBranch")).isFalse();
        assertThat(empty.get("size").asLong()).isZero();
        assertThat(all.get("value").get(2).get("isDisabled").asBoolean()).isTrue();

        Answer spaced = get("/contoso/Fabrikam%20Fiber/_apis/git/repositories?api-version=7.1", PAT_FULL);
        assertThat(spaced.code).isEqualTo(200);
        assertThat(spaced.body).isEqualTo("{\"count\":0,\"value\":[]}");
        assertThat(get("/contoso/Web/_apis/git/repositories?api-version=7.1", PAT_FULL).json().get("count").asInt())
                .isEqualTo(3);
    }

    @Test
    void sshUrlBaseCanPointAtAnSshFake() {
        FAKE.setSshUrlBase("ssh://git@127.0.0.1:2222/v3");

        JsonNode webApp = get(REPOS, PAT_FULL).json().get("value").get(0);

        assertThat(webApp.get("sshUrl").asString()).isEqualTo("ssh://git@127.0.0.1:2222/v3/contoso/Web/web-app");
    }

    @Test
    void unknownProjectIsA404Tf200016() {
        Answer a = get("/contoso/Nope%20Here/_apis/git/repositories?api-version=7.1", PAT_FULL);

        assertThat(a.code).isEqualTo(404);
        assertThat(a.json().get("message").asString())
                .isEqualTo("TF200016: The following project does not exist: Nope Here.");
        assertThat(a.json().get("typeKey").asString()).isEqualTo("ProjectDoesNotExistWithNameException");
        assertThat(a.header("X-TFS-ServiceError")).startsWith("TF200016%3A%20");
    }

    @Test
    void repositoryByNameOrIdAndUnknownIsTf401019() {
        Answer byName = get("/contoso/Web/_apis/git/repositories/web-app?api-version=7.1", PAT_FULL);
        Answer byId = get("/contoso/" + FakeAzureDevOps.WEB_PROJECT_ID + "/_apis/git/repositories/"
                + FakeAzureDevOps.WEB_APP_REPO_ID + "?api-version=7.1", PAT_FULL);
        Answer unknown = get("/contoso/Web/_apis/git/repositories/Foo?api-version=7.1", PAT_FULL);

        assertThat(byName.json().get("id").asString()).isEqualTo(FakeAzureDevOps.WEB_APP_REPO_ID);
        assertThat(byId.json().get("name").asString()).isEqualTo("web-app");
        assertThat(unknown.code).isEqualTo(404);
        assertThat(unknown.body).isEqualTo("{\"$id\":\"1\",\"innerException\":null,\"message\":\"TF401019: The Git"
                + " repository with name or identifier Foo does not exist or you do not have permissions for the"
                + " operation you are attempting.\",\"typeName\":\"Microsoft.TeamFoundation.Git.Server"
                + ".GitRepositoryNotFoundException, Microsoft.TeamFoundation.Git.Server\",\"typeKey\":"
                + "\"GitRepositoryNotFoundException\",\"errorCode\":0,\"eventId\":3000}");
    }

    @Test
    void refsFilterAndPage() {
        String base = "/contoso/Web/_apis/git/repositories/web-app/refs?filter=heads/&api-version=7.1";
        Answer first = get(base + "&$top=1", PAT_FULL);
        JsonNode firstJson = first.json();
        assertThat(firstJson.get("count").asInt()).isEqualTo(1);
        assertThat(firstJson.get("value").get(0).get("name").asString()).isEqualTo("refs/heads/develop");
        String token = first.header("X-MS-ContinuationToken");
        assertThat(token).isNotBlank();

        JsonNode rest = get(base + "&continuationToken=" + token, PAT_FULL).json();
        assertThat(rest.get("count").asInt()).isEqualTo(2);
        assertThat(rest.get("value").get(1).get("name").asString()).isEqualTo("refs/heads/main");
        assertThat(rest.get("value").get(1).get("objectId").asString()).isEqualTo(FakeAzureDevOps.WEB_APP_MAIN_SHA);

        JsonNode main = get("/contoso/Web/_apis/git/repositories/web-app/refs?filter=heads/main&api-version=7.1",
                PAT_FULL).json();
        assertThat(main.get("count").asInt()).isEqualTo(1);

        Answer empty = get("/contoso/Web/_apis/git/repositories/empty-repo/refs?filter=heads/&api-version=7.1",
                PAT_FULL);
        assertThat(empty.body).isEqualTo("{\"value\":[],\"count\":0}");

        assertThat(get("/contoso/Web/_apis/git/repositories/old/refs?filter=heads/&api-version=7.1", PAT_FULL).code)
                .isEqualTo(404);
    }

    // ---- connectionData ----

    @Test
    void connectionDataNamesTheUser() {
        Answer a = get(CONNECTION_DATA, PAT_FULL);

        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8; api-version=7.1-preview.1");
        JsonNode json = a.json();
        JsonNode user = json.get("authenticatedUser");
        assertThat(user.get("id").asString()).isEqualTo(FakeAzureDevOps.ALICE_ID);
        assertThat(user.get("providerDisplayName").asString()).isEqualTo("Alice");
        assertThat(user.get("descriptor").asString()).startsWith("Microsoft.IdentityModel.Claims.ClaimsIdentity;");
        assertThat(user.get("subjectDescriptor").asString()).startsWith("aad.");
        assertThat(user.get("properties").get("Account").get("$value").asString()).isEqualTo("alice@contoso.com");
        assertThat(json.get("authorizedUser")).isEqualTo(user);
        assertThat(json.get("deploymentType").asString()).isEqualTo("hosted");
        assertThat(json.get("webApplicationRelativeDirectory").asString()).isEqualTo("/");
        assertThat(json.get("instanceId").asString()).isNotBlank();
    }

    @Test
    void connectionDataWithoutCredentialsIsTheAnonymousIdentityByDefault() {
        Answer a = get(CONNECTION_DATA, null);

        assertThat(a.code).isEqualTo(200);
        assertThat(a.json().get("authenticatedUser").get("id").asString()).isEqualTo(ANONYMOUS_ID);
        assertThat(a.json().get("authenticatedUser").get("providerDisplayName").asString()).isEqualTo("Anonymous");
        assertThat(get(CONNECTION_DATA, PAT_UNKNOWN).body).isEqualTo(F2);
    }

    @Test
    void connectionDataCanBeF1WithoutCredentials() {
        FAKE.setConnectionDataAnonymous(ConnectionDataAnonymous.UNAUTHORIZED);

        Answer a = get(CONNECTION_DATA, null);

        assertThat(a.code).isEqualTo(401);
        assertThat(a.body).isEqualTo(F1);
    }

    @Test
    void connectionDataCanAnswerAnonymouslyForBadTokens() {
        FAKE.setConnectionDataAnonymous(ConnectionDataAnonymous.ANONYMOUS_IDENTITY_ALSO_FOR_BAD_TOKENS);

        Answer a = get(CONNECTION_DATA, PAT_UNKNOWN);

        assertThat(a.code).isEqualTo(200);
        assertThat(a.json().get("authenticatedUser").get("id").asString()).isEqualTo(ANONYMOUS_ID);
        assertThat(get(PROJECTS, PAT_UNKNOWN).code).isEqualTo(401);
    }

    // ---- api-version ----

    @Test
    void previewRoutesRejectAGaVersion() {
        Answer a = get("/contoso/_apis/connectionData?api-version=7.1", PAT_FULL);

        assertThat(a.code).isEqualTo(400);
        assertThat(a.json().get("message").asString()).isEqualTo("The requested version \"7.1\" of the resource is"
                + " under preview. The -preview flag must be supplied in the api-version for such requests. For"
                + " example: \"7.1-preview\"");
        assertThat(a.json().get("typeKey").asString()).isEqualTo("VssInvalidPreviewVersionException");
    }

    @Test
    void versionInTheAcceptHeaderIsNegotiatedToo() {
        Answer a = call("/contoso/_apis/projects", PAT_FULL,
                b -> b.header("Accept", "application/json;api-version=7.0"));
        Answer none = get("/contoso/_apis/projects", PAT_FULL);

        assertThat(a.header("Content-Type")).isEqualTo("application/json; charset=utf-8; api-version=7.0");
        assertThat(none.header("Content-Type")).isEqualTo("application/json; charset=utf-8; api-version=7.1");
    }

    @Test
    void onPrem2020RejectsVersionsAbove60() {
        FAKE.setOnPrem2020(true);

        Answer tooNew = get(PROJECTS, PAT_FULL);
        Answer ok = get("/contoso/_apis/projects?api-version=6.0", PAT_FULL);

        assertThat(tooNew.code).isEqualTo(400);
        assertThat(tooNew.json().get("message").asString()).isEqualTo("The requested REST API version of 7.1 is out"
                + " of range for this server. The latest REST API version this server supports is 6.0.");
        assertThat(tooNew.json().get("typeKey").asString()).isEqualTo("VssVersionOutOfRangeException");
        assertThat(ok.code).isEqualTo(200);
        assertThat(ok.header("Content-Type")).endsWith("api-version=6.0");
        assertThat(get("/contoso/_apis/connectionData?api-version=6.0-preview.1", PAT_FULL).json()
                .get("deploymentType").asString()).isEqualTo("onPremises");
    }

    // ---- resourceAreas, HEAD, profile, PAT list ----

    @Test
    void resourceAreasFindsTheOrgWithoutAuth() {
        Answer a = get(RESOURCE_AREAS + "contoso", null);

        assertThat(a.code).isEqualTo(200);
        assertThat(a.body).isEqualTo("{\"id\":\"79134c72-4a58-4b42-976c-04e7115f32bf\",\"name\":\"Core\","
                + "\"locationUrl\":\"" + FAKE.baseUrl() + "/contoso/\"}");
        assertThat(get(RESOURCE_AREAS.replace("accountName", "organizationName") + "fabrikam", null).json()
                .get("locationUrl").asString()).isEqualTo(FAKE.baseUrl() + "/fabrikam/");
    }

    @Test
    void resourceAreasForAnUnknownOrgIs404OrANullLocation() {
        Answer notFound = get(RESOURCE_AREAS + "nope", null);
        FAKE.setResourceAreasUnknownOrg(ResourceAreasUnknownOrg.NULL_LOCATION_URL);
        Answer nullLocation = get(RESOURCE_AREAS + "nope", null);

        assertThat(notFound.code).isEqualTo(404);
        assertThat(notFound.body).isEqualTo("The resource cannot be found.");
        assertThat(nullLocation.code).isEqualTo(200);
        assertThat(nullLocation.body)
                .isEqualTo("{\"id\":\"79134c72-4a58-4b42-976c-04e7115f32bf\",\"name\":\"Core\",\"locationUrl\":null}");
    }

    @Test
    void headOnTheOrgRevealsItsTenant() {
        Answer contoso = call("/contoso", null, b -> b.head(), false);
        Answer fabrikam = call("/fabrikam", null, b -> b.head(), false);

        assertThat(contoso.code).isEqualTo(401);
        assertThat(contoso.headers.values("WWW-Authenticate"))
                .contains("Bearer authorization_uri=https://login.microsoftonline.com/" + FakeAzureDevOps.CONTOSO_TENANT);
        assertThat(fabrikam.header("X-VSS-ResourceTenant")).isEqualTo(FakeAzureDevOps.MSA_TENANT);
    }

    @Test
    void profileWorksOrgScopedButNotOnTheGlobalHost() {
        Answer scoped = get("/vssps/contoso/_apis/profile/profiles/me?api-version=7.1", PAT_FULL);
        Answer global = get("/_apis/profile/profiles/me?api-version=7.1", PAT_FULL);
        Answer globalPat = get("/_apis/profile/profiles/me?api-version=7.1", PAT_GLOBAL_BLOCKED);

        assertThat(scoped.code).isEqualTo(200);
        assertThat(scoped.body).isEqualTo("{\"displayName\":\"Alice\",\"publicAlias\":\"" + FakeAzureDevOps.ALICE_ID
                + "\",\"emailAddress\":\"alice@contoso.com\",\"id\":\"" + FakeAzureDevOps.ALICE_ID
                + "\",\"coreRevision\":0,\"revision\":0,\"timeStamp\":\"2025-01-01T00:00:00+00:00\"}");
        assertThat(global.code).isEqualTo(401);
        assertThat(global.body).isEmpty();
        assertThat(global.header("Content-Type")).isNull();
        assertThat(globalPat.code).isEqualTo(200);
    }

    @Test
    void patListAcceptsOnlyAnEntraToken() {
        String pats = "/vssps/contoso/_apis/tokens/pats?api-version=7.1-preview.1";
        Answer withPat = get(pats, PAT_FULL);
        Answer withJwt = call(pats, null, b -> b.header("Authorization", "Bearer " + ENTRA_BEARER_JWT));

        assertThat(withPat.code).isEqualTo(401);
        assertThat(withPat.json().get("message").asString()).startsWith("TF400813:");
        assertThat(withJwt.code).isEqualTo(200);
        JsonNode pat = withJwt.json().get("patTokens").get(0);
        assertThat(pat.get("validTo").asString()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(withJwt.json().get("continuationToken").asString()).isEmpty();
    }

    // ---- chaos ----

    @Test
    void internalErrorChaosNamesTheActivityId() {
        FAKE.setChaos(Chaos.INTERNAL_ERROR);

        Answer a = get(PROJECTS, PAT_FULL);

        assertThat(a.code).isEqualTo(500);
        assertThat(a.json().get("message").asString())
                .isEqualTo("TF400898: An Internal Error Occurred. Activity Id: " + a.header("ActivityId") + ".");
    }

    @Test
    void unavailableChaosIsAnHtml503() {
        FAKE.setChaos(Chaos.SERVICE_UNAVAILABLE);

        Answer a = get(RESOURCE_AREAS + "contoso", null);

        assertThat(a.code).isEqualTo(503);
        assertThat(a.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(a.body).contains("Azure DevOps Services Unavailable");
    }

    @Test
    void stallChaosNeverAnswers() {
        FAKE.setChaos(Chaos.STALL);
        OkHttpClient impatient = CLIENT.newBuilder().readTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> impatient.newCall(request(PROJECTS, PAT_FULL, true).build()).execute())
                .isInstanceOf(InterruptedIOException.class);
        assertThat(FAKE.requestCount()).isEqualTo(1);
    }

    @Test
    void delayHoldsBackEveryResponse() {
        FAKE.setDelay(Duration.ofMillis(200));

        long start = System.nanoTime();
        Answer a = get("/nope/_apis/projects", null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(a.code).isEqualTo(404);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(200);
    }

    @Test
    void selfSignedTlsIsUntrustedUnlessTrusted() {
        try (FakeAzureDevOps tls = new FakeAzureDevOps().useSelfSignedTls().start()) {
            assertThat(tls.baseUrl()).startsWith("https://127.0.0.1:");
            Request request = request(tls.url(PROJECTS), PAT_FULL).build();

            assertThatThrownBy(() -> CLIENT.newCall(request).execute()).isInstanceOf(SSLException.class);
            HandshakeCertificates trust = tls.clientCertificates();
            OkHttpClient trusting = CLIENT.newBuilder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                    .build();
            try (Response response = trusting.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- concurrency, reset ----

    @Test
    void servesConcurrentRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String token = i % 2 == 0 ? PAT_FULL : PAT_UNKNOWN;
                results.add(pool.submit(() -> get(PROJECTS, token).code));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? 200 : 401);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(FAKE.requestCount()).isEqualTo(40);
        assertThat(FAKE.requests()).hasSize(40);
    }

    @Test
    void resetForgetsRequestsCountersAndSwitches() {
        FAKE.setChaos(Chaos.INTERNAL_ERROR);
        get(PROJECTS, PAT_FLAKY);

        FAKE.reset();

        assertThat(FAKE.requestCount()).isZero();
        assertThat(FAKE.requests()).isEmpty();
        assertThat(get(PROJECTS, PAT_FULL).code).isEqualTo(200);
        assertThat(get(PROJECTS, PAT_FLAKY).code).isEqualTo(503);
    }

    // ---- helpers ----

    /** One response, read fully. */
    private record Answer(int code, String message, Headers headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    // ---- unkind like production: idle connections, chunked bodies ----------------------------------------

    /** The fake closes an idle keep-alive connection after 1 s, as servers and proxies do: reuse fails as it would. */
    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeoutAndAReusingClientSeesEndOfStream() throws Exception {
        OkHttpClient reusing = CLIENT.newBuilder().connectionPool(new okhttp3.ConnectionPool()).build();
        try {
            Request request = request(FAKE.url("/contoso/_apis/projects?api-version=7.1"), PAT_FULL).build();
            int connections = FAKE.connectionCount();
            int closed = FAKE.idleClosedCount();
            try (Response first = reusing.newCall(request).execute()) {
                assertThat(first.code()).isEqualTo(200);
                first.body().string();
            }
            try (Response quick = reusing.newCall(request).execute()) {
                assertThat(quick.code()).as("reused within the idle timeout").isEqualTo(200);
                quick.body().string();
            }
            assertThat(FAKE.connectionCount() - connections).isEqualTo(1);
            // the idle timer closes it once it has been idle for the timeout; a loaded machine may run it late
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (FAKE.idleClosedCount() == closed && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            assertThat(FAKE.idleClosedCount() - closed).isEqualTo(1);
            assertThatThrownBy(() -> reusing.newCall(request).execute().close())
                    .isInstanceOf(IOException.class).hasMessageContaining("unexpected end of stream");
        } finally {
            reusing.connectionPool().evictAll();
        }
    }

    /** A request being answered slowly is not idle: a delay longer than the idle timeout still gets its answer. */
    @Test
    void aSlowAnswerIsNotMistakenForAnIdleConnection() {
        FAKE.setDelay(FakeAzureDevOps.DEFAULT_IDLE_TIMEOUT.plusMillis(500));
        Answer a = get("/contoso/_apis/projects?api-version=7.1", PAT_FULL);
        assertThat(a.code()).isEqualTo(200);
    }

    @Test
    void largeListingsAreSentChunkedAndSmallAnswersWithAContentLength() {
        Answer big = get("/hugeorg/_apis/git/repositories?api-version=7.1", PAT_FULL);
        assertThat(big.code()).isEqualTo(200);
        assertThat(big.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(big.json().get("count").asInt()).isEqualTo(FakeAzureDevOps.HUGEORG_REPOSITORY_COUNT);
        assertThat(big.json().get("value").get(0).get("project").get("name").asString()).isEqualTo("Team 01");
        assertThat(big.body().length()).isGreaterThan(4_000_000);
        Answer wide = get("/wideorg/_apis/git/repositories?api-version=7.1", PAT_FULL);
        assertThat(wide.json().get("count").asInt()).isEqualTo(FakeAzureDevOps.WIDEORG_REPOSITORY_COUNT);
        assertThat(wide.body().length()).isGreaterThan(64 * 1024);
        Answer small = get("/contoso/_apis/projects?$top=1&api-version=7.1", PAT_FULL);
        assertThat(small.headers().get("Transfer-Encoding")).isNull();
        assertThat(small.headers().get("Content-Length")).isNotNull();
    }

    /** GET with Suppress and {@code Authorization: Bearer token}. */
    private static Answer bearer(String path, String token) {
        return call(path, null, b -> b.header("Authorization", "Bearer " + token));
    }

    /** GET with the product's headers: Basic PAT (when not null) and Suppress. */
    private static Answer get(String path, String pat) {
        return call(path, pat, b -> { }, true);
    }

    private static Answer call(String path, String pat, Consumer<Request.Builder> customizer) {
        return call(path, pat, customizer, true);
    }

    private static Answer call(String path, String pat, Consumer<Request.Builder> customizer, boolean suppress) {
        Request.Builder builder = request(FAKE.url(path), pat);
        if (!suppress) {
            builder.removeHeader("X-TFS-FedAuthRedirect");
        }
        customizer.accept(builder);
        try (Response response = CLIENT.newCall(builder.build()).execute()) {
            return new Answer(response.code(), response.message(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Request.Builder request(String path, String pat, boolean relative) {
        return request(relative ? FAKE.url(path) : path, pat);
    }

    private static Request.Builder request(String url, String pat) {
        Request.Builder builder = new Request.Builder().url(url).header("X-TFS-FedAuthRedirect", "Suppress");
        if (pat != null) {
            builder.header("Authorization", FakeTokens.basic(pat));
        }
        return builder;
    }

    /** Splits a pkt-line stream; a flush packet ({@code 0000}) is a null element. */
    private static List<String> pktLines(String body) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            int length = Integer.parseInt(body.substring(i, i + 4), 16);
            if (length == 0) {
                lines.add(null);
                i += 4;
            } else {
                lines.add(body.substring(i + 4, i + length));
                i += length;
            }
        }
        return lines;
    }
}
