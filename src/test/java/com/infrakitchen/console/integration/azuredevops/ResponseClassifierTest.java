package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classification table, row by row (house style idiom 6): each case is an answer shaped like
 * docs/azure-devops.md 5.2 and the rule and category it must get. The last test proves every row is exercised.
 */
class ResponseClassifierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JSON_CT = "application/json; charset=utf-8; api-version=7.1";
    private static final Set<String> USED = new HashSet<>();

    static AdoResponse json(int status, String body) {
        var node = JSON.readTree(body);
        return new AdoResponse("GET", "https://dev.azure.com/contoso/_apis/projects", status, JSON_CT, body, false,
                node.path("message").isMissingNode() ? null : node.path("message").asString(),
                node.path("typeKey").isMissingNode() ? null : node.path("typeKey").asString(), null, "act-1", null,
                null, "", node, 5, null);
    }

    /** A listing read as a stream: no body text and no tree, only what the visitor counted. */
    static AdoResponse listing(Listing listing) {
        return listing(listing, null);
    }

    /** A streamed listing whose answer names the next page ({@code X-MS-ContinuationToken}), or none. */
    static AdoResponse listing(Listing listing, String continuation) {
        return new AdoResponse("GET", "https://dev.azure.com/contoso/_apis/git/repositories", 200, JSON_CT, "", false,
                null, null, null, "act-1", null, null, "", null, 5, listing, continuation);
    }

    static AdoResponse raw(int status, String contentType, String body, String serviceError, String location,
            boolean truncated) {
        return new AdoResponse("GET", "https://dev.azure.com/contoso/_apis/projects", status, contentType, body,
                truncated, null, null, serviceError, "act-1", null, location, "", null, 5, null);
    }

    static String wrapped(String type, String message) {
        return "{\"$id\":\"1\",\"innerException\":null,\"message\":\"" + message + "\",\"typeName\":\"X." + type
                + ", X\",\"typeKey\":\"" + type + "\",\"errorCode\":0,\"eventId\":3000}";
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(Probe.PROJECTS, raw(200, JSON_CT, "{", null, null, true), "too-large",
                        CheckCategory.RESPONSE_TOO_LARGE),
                Arguments.of(Probe.PROJECTS, raw(203, "text/html", "<html><title>Azure DevOps Services | Sign In"
                        + "</title></html>", null, null, false), "203", CheckCategory.SIGN_IN_PAGE),
                Arguments.of(Probe.PROJECTS, raw(200, "text/html; charset=utf-8", "<html>sign in</html>", null, null,
                        false), "2xx-html", CheckCategory.SIGN_IN_PAGE),
                Arguments.of(Probe.REPOSITORIES, listing(new Listing(5000, 5000L, true, 4_000_000)), "listing-ok",
                        null),
                Arguments.of(Probe.REPOSITORIES, listing(new Listing(100, 5000L, false, 65_536)), "listing-ok",
                        null),
                // the projects are read as a stream too, page by page (docs/azure-devops.md 7.1)
                Arguments.of(Probe.PROJECTS, listing(new Listing(100, 100L, true, 40_000), "100"), "listing-ok",
                        null),
                Arguments.of(Probe.IDENTITY, listing(new Listing(1, 1L, true, 100)), "2xx-other",
                        CheckCategory.UNEXPECTED_RESPONSE),
                Arguments.of(Probe.PROJECTS, json(200, "{\"count\":1,\"value\":[{\"name\":\"Web\"}]}"), "projects-ok",
                        null),
                Arguments.of(Probe.IDENTITY, json(200, "{\"authenticatedUser\":{\"id\":"
                        + "\"aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa\",\"providerDisplayName\":\"Anonymous\"}}"),
                        "identity-anonymous", CheckCategory.TOKEN_REJECTED),
                Arguments.of(Probe.IDENTITY, json(200, "{\"authenticatedUser\":{\"id\":"
                        + "\"a1a1a1a1-0000-4000-8000-000000000001\",\"providerDisplayName\":\"Alice\"}}"),
                        "identity-ok", null),
                Arguments.of(Probe.ORGANIZATION, json(200, "{\"id\":\"x\",\"name\":\"Core\",\"locationUrl\":"
                        + "\"https://dev.azure.com/contoso/\"}"), "organization-ok", null),
                Arguments.of(Probe.ORGANIZATION, json(200, "{\"id\":\"x\",\"name\":\"Core\",\"locationUrl\":null}"),
                        "organization-null", CheckCategory.ORGANIZATION_NOT_FOUND),
                Arguments.of(Probe.CODE_WRITE, raw(200, "application/x-git-receive-pack-advertisement",
                        "001f# service=git-receive-pack\n0000", null, null, false), "receive-pack-ok", null),
                Arguments.of(Probe.PROJECTS, json(200, "{\"unexpected\":true}"), "2xx-other",
                        CheckCategory.UNEXPECTED_RESPONSE),
                Arguments.of(Probe.PROJECTS, raw(302, "text/html", "<html>Object moved</html>", null,
                        "https://spsprodweu5.vssps.visualstudio.com/_signin?realm=dev.azure.com", false), "302-signin",
                        CheckCategory.SIGN_IN_PAGE),
                Arguments.of(Probe.PROJECTS, raw(301, null, "", null, "https://elsewhere.example/x", false), "3xx",
                        CheckCategory.UNEXPECTED_REDIRECT),
                Arguments.of(Probe.PROJECTS, raw(401, "text/html", "<title>The organization&#39;s security policy"
                        + " prohibits access</title>", "The organization's security policy prohibits access by global"
                        + " Personal Access Token (PAT) unless you are on an allowlist.", null, false),
                        "F9-global-pat", CheckCategory.GLOBAL_TOKEN_BLOCKED),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("AccessCheckException",
                        "Access Denied: The Personal Access Token used has expired.")), "F4-expired",
                        CheckCategory.TOKEN_EXPIRED),
                Arguments.of(Probe.PROJECTS, raw(401, null, "", "Access Denied: The Personal Access Token used has"
                        + " expired.", null, false), "F4-expired-text", CheckCategory.TOKEN_EXPIRED),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("UnauthorizedRequestException", "TF400813: Resource not"
                        + " available for anonymous access. Client authentication required.")), "F1-anonymous",
                        CheckCategory.NO_CREDENTIALS),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("UnauthorizedRequestException", "TF400813: The user"
                        + " 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa' is not authorized to access this resource.")),
                        "F2-unknown-token", CheckCategory.TOKEN_REJECTED),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("UnauthorizedRequestException", "TF400813: The user"
                        + " 'fb80544b-3a07-6095-8fcc-5e895f9d39c4' is not authorized to access this resource.")),
                        "F8-not-member", CheckCategory.NOT_A_MEMBER),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("VssUnauthorizedException", "VS30063: You are not"
                        + " authorized to access https://dev.azure.com.")), "F11-vs30063", CheckCategory.TOKEN_REJECTED),
                Arguments.of(Probe.PROJECTS, raw(401, null, "", null, null, false), "F6-projects-scope",
                        CheckCategory.PROJECT_SCOPE_MISSING),
                Arguments.of(Probe.REPOSITORIES, raw(401, null, "", null, null, false), "F6-code-read-scope",
                        CheckCategory.CODE_READ_MISSING),
                Arguments.of(Probe.CODE_WRITE, raw(401, null, "", null, null, false), "F6-code-write-scope",
                        CheckCategory.CODE_WRITE_MISSING),
                Arguments.of(Probe.PROJECTS, raw(401, "text/plain", "Unauthorized", null, null, false), "401-other",
                        CheckCategory.TOKEN_REJECTED),
                Arguments.of(Probe.PROJECTS, json(403, wrapped("ConditionalAccessException", "VS403463: The"
                        + " conditional access policy defined by your Azure Active Directory administrator has"
                        + " failed.")), "F10-conditional-access", CheckCategory.CONDITIONAL_ACCESS_BLOCKED),
                Arguments.of(Probe.CODE_WRITE, json(403, wrapped("GitNeedsPermissionException", "TF401027: You need"
                        + " the Git 'GenericContribute' permission to perform this action.")), "403-code-write",
                        CheckCategory.CODE_WRITE_NOT_PERMITTED),
                Arguments.of(Probe.PROJECTS, raw(403, "text/plain", "Forbidden", null, null, false), "403-other",
                        CheckCategory.FORBIDDEN),
                Arguments.of(Probe.REPOSITORIES, json(404, wrapped("ProjectDoesNotExistWithNameException",
                        "TF200016: The following project does not exist: Nope.")), "F13-project",
                        CheckCategory.PROJECT_NOT_FOUND),
                Arguments.of(Probe.CODE_WRITE, json(404, wrapped("GitRepositoryNotFoundException", "TF401019: The Git"
                        + " repository with name or identifier Foo does not exist.")), "F14-repository",
                        CheckCategory.REPOSITORY_NOT_FOUND),
                // a service principal (docs/azure-devops.md 14.5): no project access, Stakeholder, not added
                Arguments.of(Probe.REPOSITORIES, json(404, wrapped("ProjectDoesNotExistException", "VS800075: The"
                        + " project with id 'vstfs:///Classification/TeamProject/0000' does not exist, or you do not"
                        + " have permission to access it.")), "VS800075-listing", CheckCategory.PROJECT_ACCESS_DENIED),
                Arguments.of(Probe.REPOSITORIES, json(404, wrapped("GitRepositoryNotFoundException", "TF401019: The"
                        + " Git repository with name or identifier  does not exist or you do not have permissions for"
                        + " the operation you are attempting.")), "TF401019-listing",
                        CheckCategory.STAKEHOLDER_ACCESS),
                Arguments.of(Probe.PROJECTS, json(401, wrapped("UnauthorizedRequestException", "TF401444: Please"
                        + " sign-in at least once as 1111\\\\5a5a in a web browser to enable access to the service.")),
                        "TF401444-not-added", CheckCategory.PRINCIPAL_NOT_ADDED),
                Arguments.of(Probe.PROJECTS, raw(404, "text/plain; charset=utf-8", "The resource cannot be found.",
                        null, null, false), "F12-organization", CheckCategory.ORGANIZATION_NOT_FOUND),
                Arguments.of(Probe.PROJECTS, json(429, wrapped("RequestBlockedException", "TF400733: The request has"
                        + " been canceled: Request was blocked due to exceeding usage of resource 'Core' in namespace"
                        + " 'User'.")), "F15-rate-limited", CheckCategory.RATE_LIMITED),
                Arguments.of(Probe.IDENTITY, json(400, wrapped("VssInvalidPreviewVersionException", "The requested"
                        + " version \\\"7.1\\\" of the resource is under preview.")), "F16-api-version",
                        CheckCategory.API_VERSION_MISMATCH),
                Arguments.of(Probe.PROJECTS, json(500, wrapped("InternalServerErrorException", "TF400898: An Internal"
                        + " Error Occurred. Activity Id: 0f0e.")), "F17-internal-error", CheckCategory.SERVICE_ERROR),
                Arguments.of(Probe.PROJECTS, raw(503, "text/html", "<title>Azure DevOps Services Unavailable</title>",
                        null, null, false), "F18-unavailable", CheckCategory.SERVICE_UNAVAILABLE),
                Arguments.of(Probe.PROJECTS, raw(507, "text/html", "<title>Azure DevOps Services Unavailable</title>",
                        null, null, false), "F18-unavailable-page", CheckCategory.SERVICE_UNAVAILABLE),
                Arguments.of(Probe.PROJECTS, raw(501, "text/plain", "Not Implemented", null, null, false), "5xx",
                        CheckCategory.SERVICE_ERROR),
                Arguments.of(Probe.PROJECTS, raw(418, "text/plain", "teapot", null, null, false), "other",
                        CheckCategory.UNEXPECTED_RESPONSE),
                Arguments.of(Probe.PROJECTS, raw(400, "text/plain", "Bad Request", null, null, false), "other",
                        CheckCategory.UNEXPECTED_RESPONSE));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("rows")
    void eachRowDecidesItsCase(Probe probe, AdoResponse response, String rule, CheckCategory category) {
        var result = ResponseClassifier.classify(probe, response);
        assertThat(result.rule()).isEqualTo(rule);
        assertThat(result.category()).isEqualTo(category);
        USED.add(rule);
    }

    @AfterAll
    static void everyRowIsExercised() {
        Set<String> all = new HashSet<>();
        ResponseClassifier.RULES.forEach(r -> all.add(r.id()));
        assertThat(USED).containsAll(all);
    }
}
