package com.infrakitchen.console.support.fakeado;

import com.infrakitchen.console.support.fakeado.AdoFixtures.Identity;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Org;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Project;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Ref;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Repo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bodies and messages of the fake, in the shapes of {@code docs/azure-devops.md} §5 and §7 (field order included, so
 * the error bodies of §5.2 come out byte for byte). Everything user-supplied goes through Jackson, never through
 * string concatenation into JSON.
 */
final class AdoResponses {

    static final String ANONYMOUS_ID = FakeAzureDevOps.ANONYMOUS_ID;

    static final String UNAUTHORIZED_TYPE =
            "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server";
    static final String F1_MESSAGE =
            "TF400813: Resource not available for anonymous access. Client authentication required.";
    static final String F4_MESSAGE = "Access Denied: The Personal Access Token used has expired.";
    static final String F9_MESSAGE = "The organization's security policy prohibits access by global Personal Access"
            + " Token (PAT) unless you are on an allowlist. Contact your organization administrator to be included on"
            + " the allowlist.";
    static final String F10_MESSAGE =
            "VS403463: The conditional access policy defined by your Azure Active Directory administrator has failed.";
    static final String F12_BODY = "The resource cannot be found.";
    static final String TF400733_MESSAGE = "TF400733: The request has been canceled: Request was blocked due to"
            + " exceeding usage of resource 'Core' in namespace 'User'.";

    private static final String SERVICE_EXCEPTION_TYPE =
            "Microsoft.VisualStudio.Services.Common.VssServiceException, Microsoft.VisualStudio.Services.Common";
    private static final String WEB_API = "Microsoft.VisualStudio.Services.WebApi";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AdoResponses() {
    }

    // ---- error bodies (§5) ----

    /** The WrappedException shape: {@code $id, innerException, message, typeName, typeKey, errorCode, eventId}. */
    static String wrapped(String message, String typeName, String typeKey) {
        ObjectNode node = JSON.createObjectNode();
        node.put("$id", "1");
        node.putNull("innerException");
        node.put("message", message);
        node.put("typeName", typeName);
        node.put("typeKey", typeKey);
        node.put("errorCode", 0);
        node.put("eventId", 3000);
        return JSON.writeValueAsString(node);
    }

    static String unauthorized(String message) {
        return wrapped(message, UNAUTHORIZED_TYPE, "UnauthorizedRequestException");
    }

    /** TF400813 for a user: the anonymous id (F2), a real id (F8) or {@code ''} (a PAT sent as Bearer). */
    static String notAuthorizedMessage(String user) {
        return "TF400813: The user '" + user + "' is not authorized to access this resource.";
    }

    /** F4, with its {@code customProperties}, exactly as captured. */
    static String expired() {
        ObjectNode node = JSON.createObjectNode();
        node.put("$id", "1");
        ObjectNode props = node.putObject("customProperties");
        props.putNull("Descriptor");
        props.putNull("IdentityDisplayName");
        props.putNull("Token");
        props.put("RequestedPermissions", 0);
        props.put("NamespaceId", "00000000-0000-0000-0000-000000000000");
        node.putNull("innerException");
        node.put("message", F4_MESSAGE);
        node.put("typeName",
                "Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio.Services.WebApi");
        node.put("typeKey", "AccessCheckException");
        node.put("errorCode", 0);
        node.put("eventId", 3000);
        return JSON.writeValueAsString(node);
    }

    /** F10. typeName/typeKey from a published capture of a VS403463 answer (VssServiceException). */
    static String conditionalAccess() {
        return wrapped(F10_MESSAGE, SERVICE_EXCEPTION_TYPE, "VssServiceException");
    }

    /** F15. The typeName/typeKey are the doc's guess ([?]); consumers should not depend on them. */
    static String rateLimited() {
        return wrapped(TF400733_MESSAGE,
                "Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, Microsoft.TeamFoundation.Framework.Server",
                "RequestBlockedException");
    }

    /** F17. Only the message is documented; the type is a guess (the generic VssServiceException). */
    static String internalErrorMessage(String activityId) {
        return "TF400898: An Internal Error Occurred. Activity Id: " + activityId + ".";
    }

    static String internalError(String activityId) {
        return wrapped(internalErrorMessage(activityId), SERVICE_EXCEPTION_TYPE, "VssServiceException");
    }

    /** A service principal of the organization's tenant that was never added to the organization (§14.5). */
    static String signInOnceMessage(String tenant, String objectId) {
        return "TF401444: Please sign-in at least once as " + tenant + "\\" + objectId
                + " in a web browser to enable access to the service.";
    }

    /** A project the caller may not see, named by id (§5.1 F13, §14.5). */
    static String projectNoAccessMessage(String projectId) {
        return "VS800075: The project with id 'vstfs:///Classification/TeamProject/" + projectId
                + "' does not exist, or you do not have permission to access it.";
    }

    static String projectNoAccess(String projectId) {
        return wrapped(projectNoAccessMessage(projectId),
                "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistException, Microsoft.TeamFoundation.Core.WebApi",
                "ProjectDoesNotExistException");
    }

    static String projectNotFoundMessage(String name) {
        return "TF200016: The following project does not exist: " + name + ".";
    }

    static String projectNotFound(String name) {
        return wrapped(projectNotFoundMessage(name),
                "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistWithNameException, Microsoft.TeamFoundation.Core.WebApi",
                "ProjectDoesNotExistWithNameException");
    }

    static String repoNotFoundMessage(String nameOrId) {
        return "TF401019: The Git repository with name or identifier " + nameOrId
                + " does not exist or you do not have permissions for the operation you are attempting.";
    }

    static String repoNotFound(String nameOrId) {
        return wrapped(repoNotFoundMessage(nameOrId),
                "Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException, Microsoft.TeamFoundation.Git.Server",
                "GitRepositoryNotFoundException");
    }

    static String previewRequiredMessage(String version) {
        String base = version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
        return "The requested version \"" + version + "\" of the resource is under preview. The -preview flag must be"
                + " supplied in the api-version for such requests. For example: \"" + base + "-preview\"";
    }

    static String previewRequired(String version) {
        return wrapped(previewRequiredMessage(version), WEB_API + ".VssInvalidPreviewVersionException, " + WEB_API,
                "VssInvalidPreviewVersionException");
    }

    static String outOfRangeMessage(String version, String latest) {
        return "The requested REST API version of " + version + " is out of range for this server. The latest REST API"
                + " version this server supports is " + latest + ".";
    }

    static String outOfRange(String version, String latest) {
        return wrapped(outOfRangeMessage(version, latest), WEB_API + ".VssVersionOutOfRangeException, " + WEB_API,
                "VssVersionOutOfRangeException");
    }

    /** Not documented: the text and type for an api-version that does not parse are the fake's own. */
    static String invalidVersion(String version) {
        return wrapped("The api-version '" + version + "' is not valid.",
                WEB_API + ".VssInvalidApiVersionException, " + WEB_API, "VssInvalidApiVersionException");
    }

    // ---- HTML pages ----

    static String notFoundPage() {
        return "<!DOCTYPE html>\r\n<html><head><title>Page not found.</title></head>"
                + "<body><h1>Page not found.</h1></body></html>";
    }

    static String globalPatBlockedPage() {
        String title = "The organization&#39;s security policy prohibits access";
        return "<!DOCTYPE html>\r\n<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                + html(F9_MESSAGE) + "</p></body></html>";
    }

    static String unavailablePage() {
        return "<!DOCTYPE html>\r\n<html><head><title>Azure DevOps Services Unavailable</title></head><body>"
                + "<h1>Azure DevOps Services Unavailable</h1><p>Azure DevOps Services is currently unavailable."
                + " Please try again later.</p></body></html>";
    }

    static String signInPage() {
        return "<!DOCTYPE html>\r\n<html><head><title>Azure DevOps Services | Sign In</title></head><body>"
                + "<h1>Sign in</h1><p>Sign in to continue to Azure DevOps.</p></body></html>";
    }

    /** The "Object moved" body of the 302 to the sign-in page (§5.2 F3). */
    static String objectMoved(String location) {
        return "<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\"" + html(location)
                + "\">here</a>.</h2></body></html>";
    }

    // ---- entities (§7) ----

    static ObjectNode project(String baseUrl, Org org, Project p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", p.id());
        node.put("name", p.name());
        if (p.description() != null) {
            node.put("description", p.description());
        }
        node.put("url", baseUrl + "/" + org.name() + "/_apis/projects/" + p.id());
        node.put("state", "wellFormed");
        node.put("revision", p.revision());
        node.put("visibility", "private");
        node.put("lastUpdateTime", p.lastUpdateTime());
        return node;
    }

    static ObjectNode repository(String baseUrl, String sshBase, Org org, Project p, Repo r) {
        String hostPort = baseUrl.substring(baseUrl.indexOf("://") + 3);
        String scheme = baseUrl.substring(0, baseUrl.indexOf("://"));
        String path = "/" + org.name() + "/" + pct(p.name()) + "/_git/" + pct(r.name());
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id());
        node.put("name", r.name());
        node.put("url", baseUrl + "/" + org.name() + "/" + p.id() + "/_apis/git/repositories/" + r.id());
        node.set("project", project(baseUrl, org, p));
        if (r.defaultBranch() != null) {
            node.put("defaultBranch", r.defaultBranch());
        }
        node.put("size", r.size());
        node.put("remoteUrl", scheme + "://" + org.name() + "@" + hostPort + path);
        node.put("sshUrl", sshBase + "/" + org.name() + "/" + pct(p.name()) + "/" + pct(r.name()));
        node.put("webUrl", baseUrl + path);
        node.put("isDisabled", r.disabled());
        node.put("isInMaintenance", false);
        return node;
    }

    static ObjectNode ref(String baseUrl, Org org, Project p, Repo r, Ref ref) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", ref.name());
        node.put("objectId", ref.objectId());
        ObjectNode creator = node.putObject("creator");
        creator.put("displayName", AdoFixtures.ALICE.displayName());
        creator.put("id", AdoFixtures.ALICE.id());
        creator.put("uniqueName", AdoFixtures.ALICE.email());
        node.put("url", baseUrl + "/" + org.name() + "/" + p.id() + "/_apis/git/repositories/" + r.id()
                + "/refs?filter=" + pct(ref.name().substring("refs/".length())));
        return node;
    }

    /** {@code {"count":n,"value":[…]}}, the list shape of projects and repositories. */
    static String countValue(List<ObjectNode> items) {
        ObjectNode node = JSON.createObjectNode();
        node.put("count", items.size());
        node.putArray("value").addAll(items);
        return JSON.writeValueAsString(node);
    }

    /** {@code {"value":[…],"count":n}}, the list shape of refs. */
    static String valueCount(List<ObjectNode> items) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("value").addAll(items);
        node.put("count", items.size());
        return JSON.writeValueAsString(node);
    }

    static String json(ObjectNode node) {
        return JSON.writeValueAsString(node);
    }

    /** connectionData for a user, or for the anonymous identity when {@code user} is null. */
    static String connectionData(Org org, Identity user, boolean onPremises) {
        ObjectNode node = JSON.createObjectNode();
        node.set("authenticatedUser", identity(user));
        node.set("authorizedUser", identity(user));
        node.put("instanceId", org.instanceId());
        node.put("deploymentId", FakeAzureDevOps.DEPLOYMENT_ID);
        node.put("deploymentType", onPremises ? "onPremises" : "hosted");
        ObjectNode location = node.putObject("locationServiceData");
        location.put("serviceOwner", "00025394-6065-48ca-87d9-7f5672854ef7");
        location.put("defaultAccessMappingMoniker", "PublicAccessMapping");
        location.put("lastChangeId", 1);
        location.put("lastChangeId64", 1);
        node.put("webApplicationRelativeDirectory", "/");
        return JSON.writeValueAsString(node);
    }

    private static ObjectNode identity(Identity user) {
        ObjectNode node = JSON.createObjectNode();
        if (user == null) {
            node.put("id", ANONYMOUS_ID);
            node.put("descriptor", "System:PublicAccess;" + ANONYMOUS_ID);
            node.putNull("subjectDescriptor");
            node.put("providerDisplayName", "Anonymous");
            node.put("isActive", true);
            node.putObject("properties");
            return node;
        }
        node.put("id", user.id());
        node.put("descriptor", user.descriptor());
        node.put("subjectDescriptor", user.subjectDescriptor());
        node.put("providerDisplayName", user.displayName());
        node.put("isActive", true);
        ObjectNode account = node.putObject("properties").putObject("Account");
        account.put("$type", "System.String");
        account.put("$value", user.email());
        return node;
    }

    static String profile(Identity user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("displayName", user.displayName());
        node.put("publicAlias", user.id());
        node.put("emailAddress", user.email());
        node.put("id", user.id());
        node.put("coreRevision", 0);
        node.put("revision", 0);
        node.put("timeStamp", "2025-01-01T00:00:00+00:00");
        return JSON.writeValueAsString(node);
    }

    static String pats(Org org) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode tokens = node.putArray("patTokens");
        ObjectNode pat = tokens.addObject();
        pat.put("authorizationId", "e0e0e0e0-0000-4000-8000-000000000001");
        pat.put("displayName", "ci");
        pat.put("validTo", "2026-12-01T00:00:00Z");
        pat.put("scope", "vso.code");
        pat.putArray("targetAccounts").add(org.instanceId());
        node.put("continuationToken", "");
        return JSON.writeValueAsString(node);
    }

    /** The Core resource area; {@code locationUrl} is null when {@code locationUrl} is. */
    static String resourceArea(String locationUrl) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", FakeAzureDevOps.CORE_AREA_ID);
        node.put("name", "Core");
        if (locationUrl == null) {
            node.putNull("locationUrl");
        } else {
            node.put("locationUrl", locationUrl);
        }
        return JSON.writeValueAsString(node);
    }

    // ---- Git smart HTTP ----

    private static final String UPLOAD_CAPS = "multi_ack thin-pack side-band side-band-64k no-progress"
            + " multi_ack_detailed no-done shallow allow-tip-sha1-in-want symref=HEAD:";
    private static final String RECEIVE_CAPS = "report-status side-band-64k quiet delete-refs ofs-delta";
    private static final String ZERO_ID = "0000000000000000000000000000000000000000";

    /**
     * {@code 001e# service=git-upload-pack\n0000}, the refs (HEAD first, with the capabilities), {@code 0000}. An
     * empty repository advertises the {@code capabilities^{}} placeholder, as Git does.
     */
    static String uploadPack(Repo repo) {
        StringBuilder sb = new StringBuilder(pkt("# service=git-upload-pack\n")).append("0000");
        if (repo.refs().isEmpty()) {
            sb.append(pkt(ZERO_ID + " capabilities^{}\0" + UPLOAD_CAPS.replace(" symref=HEAD:", "") + "\n"));
        } else {
            String head = repo.refs().stream().filter(r -> r.name().equals(repo.defaultBranch())).findFirst()
                    .orElse(repo.refs().get(0)).objectId();
            sb.append(pkt(head + " HEAD\0" + UPLOAD_CAPS + repo.defaultBranch() + "\n"));
            for (Ref ref : repo.refs()) {
                sb.append(pkt(ref.objectId() + " " + ref.name() + "\n"));
            }
        }
        return sb.append("0000").toString();
    }

    /** {@code 001f# service=git-receive-pack\n0000}, the refs (the first with the capabilities), {@code 0000}. */
    static String receivePack(Repo repo) {
        StringBuilder sb = new StringBuilder(pkt("# service=git-receive-pack\n")).append("0000");
        if (repo.refs().isEmpty()) {
            sb.append(pkt(ZERO_ID + " capabilities^{}\0" + RECEIVE_CAPS + "\n"));
        } else {
            for (int i = 0; i < repo.refs().size(); i++) {
                Ref ref = repo.refs().get(i);
                sb.append(pkt(ref.objectId() + " " + ref.name() + (i == 0 ? "\0" + RECEIVE_CAPS : "") + "\n"));
            }
        }
        return sb.append("0000").toString();
    }

    /** A pkt-line: four hex digits giving the length including themselves, then the payload (ASCII here). */
    static String pkt(String payload) {
        return String.format("%04x", payload.getBytes(StandardCharsets.UTF_8).length + 4) + payload;
    }

    // ---- encoding ----

    /**
     * Percent-encodes everything but the RFC 3986 unreserved characters, like .NET's {@code Uri.EscapeDataString}:
     * used for {@code X-TFS-ServiceError}, {@code reply_to} and names in URLs ({@code Fabrikam%20Fiber}).
     */
    static String pct(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
