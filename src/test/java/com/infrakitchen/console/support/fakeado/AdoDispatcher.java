package com.infrakitchen.console.support.fakeado;

import static com.infrakitchen.console.support.fakeado.AdoFixtures.SCOPE_CODE;
import static com.infrakitchen.console.support.fakeado.AdoFixtures.SCOPE_CODE_WRITE;
import static com.infrakitchen.console.support.fakeado.AdoFixtures.SCOPE_PROFILE;
import static com.infrakitchen.console.support.fakeado.AdoFixtures.SCOPE_PROJECT;

import com.infrakitchen.console.support.fakeado.AdoFixtures.Access;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Grant;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Kind;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Org;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Project;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Ref;
import com.infrakitchen.console.support.fakeado.AdoFixtures.Repo;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.Chaos;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ConnectionDataAnonymous;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.ResourceAreasUnknownOrg;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.UnknownOrgBody;
import com.infrakitchen.console.support.fakeentra.EntraFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers one request in the order of §12.2: chaos, org routing (unknown org: 404 before auth), Authorization,
 * redirect mode (302 to /_signin without {@code X-TFS-FedAuthRedirect: Suppress}), token scenario, scope of the
 * route (empty 401), api-version, route handler.
 *
 * <p>Choices where the doc is silent:
 * <ul>
 *   <li>Git smart-HTTP routes ({@code /_git/}) never redirect: Git clients do not send Suppress and need a 401
 *       with {@code WWW-Authenticate: Basic}. Their not-found answer is 404 {@code text/plain} TF401019 (what Git
 *       shows as "remote: TF401019 …"). A disabled repository ({@code isDisabled}) answers exactly like a missing
 *       one on info/refs and refs, as users of disabled repos reported (renovate#13013, BroomBot#28); it is still
 *       listed and readable through {@code repositories/{repo}}.</li>
 *   <li>A missing scope is not an authentication failure: it is the empty 401 with or without Suppress. A 403
 *       (Conditional Access) is not redirected either.</li>
 *   <li>Rate limiting and the flaky 503 happen after the token is recognised and before the scope check.</li>
 *   <li>An unknown route (or another method than GET) under a known org is authenticated like any route, then
 *       answered 404 {@code text/plain} "The resource cannot be found.".</li>
 *   <li>{@code HEAD /{org}} is always 401 (F1 headers, no body), whatever credentials come with it.</li>
 *   <li>{@code Basic} credentials without a colon, or not base64, count as an unrecognised token (F2).</li>
 *   <li>A JWT-shaped {@code Bearer} token is Alice with every scope in every org, unless it says it comes from the
 *       fake Entra ({@code kid} {@link EntraFixtures#TOKEN_KEY_ID}): then it is the service principal of its app
 *       (§12.6), or, unverified or expired, refused with TF400813 for user {@code ''}.</li>
 *   <li>Paging of projects: default {@code $top} 100; first item = {@code continuationToken} + {@code $skip};
 *       {@code X-MS-ContinuationToken} is the index of the next item; {@code setProjectsPageCap} makes pages
 *       smaller than {@code $top}, as a server that caps its pages does. Refs: {@code continuationToken} is the
 *       base64url of the next ref's name. Unparseable numbers are ignored.</li>
 *   <li>Success JSON has {@code api-version} in its Content-Type (the negotiated version, or 7.1 / 7.1-preview.1
 *       when none was asked for); error JSON has {@code application/json; charset=utf-8} as in the §5.2 captures.
 *       Every JSON error carries its message, URL-encoded, in {@code X-TFS-ServiceError}.</li>
 * </ul>
 */
final class AdoDispatcher extends Dispatcher {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(-preview(\\.\\d+)?)?$");
    private static final Pattern ACCEPT_VERSION = Pattern.compile("api-version\\s*=\\s*([^;,\\s]+)");
    private static final Pattern JWT = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    private final FakeAzureDevOps fake;

    AdoDispatcher(FakeAzureDevOps fake) {
        this.fake = fake;
    }

    /** How a route authenticates. */
    private enum Auth {
        REQUIRED, ANONYMOUS_ALLOWED, BEARER_ONLY
    }

    /** A matched route: the scope it needs (null: none), whether its api-version must be a preview, and so on. */
    private record Route(String scope, boolean versioned, boolean preview, boolean git, Auth auth,
            Function<Exchange, Reply> handler) {

        static Route api(String scope, Function<Exchange, Reply> handler) {
            return new Route(scope, true, false, false, Auth.REQUIRED, handler);
        }
    }

    /** The state of one request while it is handled. */
    private static final class Exchange {
        final RecordedRequest request;
        final List<String> segments;
        final String activityId = UUID.randomUUID().toString();
        final List<String[]> extraHeaders = new ArrayList<>();
        Org org;
        String tenant = FakeAzureDevOps.MSA_TENANT;
        Grant grant;
        String version;

        Exchange(RecordedRequest request) {
            this.request = request;
            List<String> s = new ArrayList<>(request.getUrl().pathSegments());
            while (!s.isEmpty() && s.get(s.size() - 1).isEmpty()) {
                s.remove(s.size() - 1);
            }
            this.segments = s;
        }

        String method() {
            return request.getMethod();
        }

        boolean get() {
            return "GET".equals(method());
        }

        String query(String name) {
            return request.getUrl().queryParameter(name);
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }

        boolean suppress() {
            String value = header("X-TFS-FedAuthRedirect");
            return value != null && value.trim().equalsIgnoreCase("Suppress");
        }
    }

    /** The outcome of reading the Authorization header. */
    private record Authn(Grant grant, Reply failure, boolean authFailed) {

        static Authn ok(Grant grant) {
            return new Authn(grant, null, false);
        }

        static Authn anonymous() {
            return new Authn(null, null, false);
        }

        static Authn failed(Reply reply) {
            return new Authn(null, reply, true);
        }

        static Authn refused(Reply reply) {
            return new Authn(null, reply, false);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        fake.record(request);
        Exchange x = new Exchange(request);
        Reply reply;
        try {
            reply = handle(x);
        } catch (RuntimeException e) {
            // a bug in the fake shows as the service's own internal error rather than a dropped connection
            reply = jsonError(500, AdoResponses.internalError(x.activityId),
                    AdoResponses.internalErrorMessage(x.activityId));
        }
        return toMockResponse(x, reply);
    }

    // ---- 12.2 order ----

    private Reply handle(Exchange x) {
        Chaos chaos = fake.chaos();
        switch (chaos) {
            case STALL -> {
                return Reply.stalled();
            }
            case INTERNAL_ERROR -> {
                return jsonError(500, AdoResponses.internalError(x.activityId),
                        AdoResponses.internalErrorMessage(x.activityId));
            }
            case SERVICE_UNAVAILABLE -> {
                return Reply.of(503, Reply.HTML, AdoResponses.unavailablePage());
            }
            case NONE -> {
                // go on
            }
        }
        List<String> seg = x.segments;
        if (seg.size() == 1 && seg.get(0).equals("_signin") && x.get()) {
            return Reply.of(203, Reply.HTML, AdoResponses.signInPage());
        }
        if (!seg.isEmpty() && seg.get(0).equalsIgnoreCase("_apis")) {
            return organizationless(x, seg.subList(1, seg.size()));
        }
        boolean vssps = !seg.isEmpty() && seg.get(0).equalsIgnoreCase("vssps");
        int orgIndex = vssps ? 1 : 0;
        Optional<Org> org = seg.size() > orgIndex ? AdoFixtures.org(seg.get(orgIndex)) : Optional.empty();
        if (org.isEmpty()) {
            return unknownOrg();
        }
        x.org = org.get();
        x.tenant = x.org.tenant();
        List<String> rest = seg.subList(orgIndex + 1, seg.size());
        if (rest.isEmpty() && !vssps && "HEAD".equals(x.method())) {
            return unauthorizedHeaders(x, Reply.empty(401), AdoResponses.F1_MESSAGE);
        }
        return serve(x, vssps ? vsspsRoute(rest) : orgRoute(x, rest));
    }

    private Reply serve(Exchange x, Route route) {
        Authn authn = authenticate(x, route);
        if (authn.failure() != null) {
            if (authn.authFailed() && !x.suppress() && !route.git()) {
                return redirectToSignIn(x);
            }
            return authn.failure();
        }
        Grant grant = authn.grant();
        x.grant = grant;
        if (grant != null) {
            if (grant.kind() == Kind.FLAKY && fake.firstFlakyRequest()) {
                return Reply.of(503, Reply.HTML, AdoResponses.unavailablePage());
            }
            if (grant.kind() == Kind.RATE_LIMITED) {
                Reply blocked = rateLimit(x);
                if (blocked != null) {
                    return blocked;
                }
            }
            if (route.scope() != null && !grant.scopes().contains(route.scope())) {
                return missingScope(x);
            }
        }
        if (route.versioned()) {
            Reply versionError = negotiateVersion(x, route.preview());
            if (versionError != null) {
                return versionError;
            }
        }
        return route.handler().apply(x);
    }

    private Authn authenticate(Exchange x, Route route) {
        boolean anonymousAllowed = route.auth() == Auth.ANONYMOUS_ALLOWED
                && fake.connectionDataAnonymous() != ConnectionDataAnonymous.UNAUTHORIZED;
        boolean anonymousForBadTokens = route.auth() == Auth.ANONYMOUS_ALLOWED
                && fake.connectionDataAnonymous() == ConnectionDataAnonymous.ANONYMOUS_IDENTITY_ALSO_FOR_BAD_TOKENS;
        String authorization = x.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return anonymousAllowed ? Authn.anonymous()
                    : Authn.failed(unauthorized(x, AdoResponses.F1_MESSAGE));
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        String credential = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            if (EntraFixtures.claimsFakeEntraOrigin(credential)) {
                return servicePrincipal(x, credential, anonymousForBadTokens);
            }
            if (JWT.matcher(credential).matches()) {
                return Authn.ok(AdoFixtures.ENTRA_GRANT);
            }
            return anonymousForBadTokens ? Authn.anonymous()
                    : Authn.failed(unauthorized(x, AdoResponses.notAuthorizedMessage("")));
        }
        Grant grant = scheme.equalsIgnoreCase("Basic") ? AdoFixtures.TOKENS.get(patOf(credential)) : null;
        if (route.auth() == Auth.BEARER_ONLY || grant == null || !grant.belongsTo(x.org)) {
            return anonymousForBadTokens ? Authn.anonymous() : Authn.failed(unrecognised(x));
        }
        return switch (grant.kind()) {
            case EXPIRED -> Authn.failed(unauthorizedHeaders(x, Reply.error(401, AdoResponses.expired()),
                    AdoResponses.F4_MESSAGE));
            case NOT_MEMBER -> {
                userData(x, grant);
                yield Authn.failed(unauthorized(x, AdoResponses.notAuthorizedMessage(grant.user().id())));
            }
            case GLOBAL_BLOCKED -> Authn.failed(unauthorizedHeaders(x,
                    Reply.of(401, Reply.HTML, AdoResponses.globalPatBlockedPage()), AdoResponses.F9_MESSAGE));
            case CAP_BLOCKED -> Authn.refused(jsonError(403, AdoResponses.conditionalAccess(),
                    AdoResponses.F10_MESSAGE));
            case VALID, RATE_LIMITED, FLAKY -> {
                userData(x, grant);
                yield Authn.ok(grant);
            }
        };
    }

    /**
     * A token of the fake Entra (§12.6): a bad signature or a past {@code exp} is refused like an expired bearer
     * (TF400813 for user {@code ''}); the app never added to an organization gets TF401444 everywhere; the others are
     * their service principal in contoso and unknown (the same TF400813) elsewhere.
     */
    private Authn servicePrincipal(Exchange x, String jwt, boolean anonymousForBadTokens) {
        Optional<EntraFixtures.App> app = EntraFixtures.verify(jwt);
        if (app.isPresent() && app.get() == EntraFixtures.App.UNADDED) {
            return Authn.failed(unauthorized(x, AdoResponses.signInOnceMessage(EntraFixtures.TENANT_ID, app.get().objectId())));
        }
        Grant grant = app.map(AdoFixtures.SERVICE_PRINCIPALS::get).orElse(null);
        if (grant == null || !grant.belongsTo(x.org)) {
            return anonymousForBadTokens ? Authn.anonymous()
                    : Authn.failed(unauthorized(x, AdoResponses.notAuthorizedMessage("")));
        }
        userData(x, grant);
        return Authn.ok(grant);
    }

    /** The password part of {@code Basic base64(user:pat)}; null when it is not that shape. */
    private static String patOf(String credential) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void userData(Exchange x, Grant grant) {
        x.extraHeaders.add(new String[] {"X-VSS-UserData", grant.user().id() + ":" + grant.user().email()});
    }

    private Reply rateLimit(Exchange x) {
        int n = fake.nextRateLimitedRequest();
        int threshold = fake.rateLimitThreshold();
        String reset = Long.toString(Instant.now().plusSeconds(300).getEpochSecond());
        if (n >= threshold) {
            return jsonError(429, AdoResponses.rateLimited(), AdoResponses.TF400733_MESSAGE)
                    .header("Retry-After", "30")
                    .header("X-RateLimit-Resource", "Core")
                    .header("X-RateLimit-Delay", "0.000")
                    .header("X-RateLimit-Limit", "200")
                    .header("X-RateLimit-Remaining", "0")
                    .header("X-RateLimit-Reset", reset);
        }
        // the warning before delays start: every header but X-RateLimit-Delay, on the normal answer
        int remaining = 200 * (threshold - n) / threshold;
        x.extraHeaders.add(new String[] {"Retry-After", "30"});
        x.extraHeaders.add(new String[] {"X-RateLimit-Resource", "Core"});
        x.extraHeaders.add(new String[] {"X-RateLimit-Limit", "200"});
        x.extraHeaders.add(new String[] {"X-RateLimit-Remaining", Integer.toString(remaining)});
        x.extraHeaders.add(new String[] {"X-RateLimit-Reset", reset});
        return null;
    }

    private Reply negotiateVersion(Exchange x, boolean preview) {
        boolean onPrem = fake.onPrem2020();
        String requested = x.query("api-version");
        if (requested == null && x.header("Accept") != null) {
            Matcher m = ACCEPT_VERSION.matcher(x.header("Accept"));
            requested = m.find() ? m.group(1) : null;
        }
        if (requested == null) {
            String newest = onPrem ? "6.0" : "7.1";
            x.version = preview ? newest + "-preview.1" : newest;
            return null;
        }
        Matcher m = VERSION.matcher(requested);
        if (!m.matches()) {
            String body = AdoResponses.invalidVersion(requested);
            return jsonError(400, body, "The api-version '" + requested + "' is not valid.");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int maxMajor = onPrem ? 6 : 7;
        int maxMinor = onPrem ? 0 : 2;
        if (major > maxMajor || (major == maxMajor && minor > maxMinor)) {
            String latest = maxMajor + "." + maxMinor;
            return jsonError(400, AdoResponses.outOfRange(requested, latest),
                    AdoResponses.outOfRangeMessage(requested, latest));
        }
        boolean previewOnly = preview || (!onPrem && major == 7 && minor == 2);
        if (previewOnly && m.group(3) == null) {
            return jsonError(400, AdoResponses.previewRequired(requested),
                    AdoResponses.previewRequiredMessage(requested));
        }
        x.version = requested;
        return null;
    }

    // ---- routing ----

    private Route orgRoute(Exchange x, List<String> rest) {
        if (!x.get()) {
            return unknownRoute();
        }
        if (matches(rest, "_apis", "connectionData")) {
            return new Route(null, true, true, false, Auth.ANONYMOUS_ALLOWED, this::connectionData);
        }
        if (matches(rest, "_apis", "projects")) {
            return Route.api(SCOPE_PROJECT, this::projects);
        }
        if (matches(rest, "_apis", "git", "repositories")) {
            return Route.api(SCOPE_CODE, e -> repositories(e, null));
        }
        if (rest.size() >= 4 && matches(rest.subList(1, 4), "_apis", "git", "repositories")) {
            String project = rest.get(0);
            if (rest.size() == 4) {
                return Route.api(SCOPE_CODE, e -> repositories(e, project));
            }
            if (rest.size() == 5) {
                return Route.api(SCOPE_CODE, e -> repository(e, project, rest.get(4)));
            }
            if (rest.size() == 6 && rest.get(5).equalsIgnoreCase("refs")) {
                return Route.api(SCOPE_CODE, e -> refs(e, project, rest.get(4)));
            }
        }
        if (rest.size() == 5 && rest.get(1).equalsIgnoreCase("_git") && matches(rest.subList(3, 5), "info", "refs")) {
            String service = x.query("service");
            String project = rest.get(0);
            String repo = rest.get(2);
            if ("git-upload-pack".equals(service)) {
                return new Route(SCOPE_CODE, false, false, true, Auth.REQUIRED,
                        e -> infoRefs(e, project, repo, false));
            }
            if ("git-receive-pack".equals(service)) {
                return new Route(SCOPE_CODE_WRITE, false, false, true, Auth.REQUIRED,
                        e -> infoRefs(e, project, repo, true));
            }
            // the dumb protocol is not served
            return new Route(null, false, false, true, Auth.REQUIRED, e -> notFoundText());
        }
        return unknownRoute();
    }

    private Route vsspsRoute(List<String> rest) {
        if (matches(rest, "_apis", "profile", "profiles", "me")) {
            return Route.api(SCOPE_PROFILE, e -> Reply.ok(AdoResponses.profile(e.grant.user()), e.version));
        }
        if (matches(rest, "_apis", "tokens", "pats")) {
            return new Route(null, true, true, false, Auth.BEARER_ONLY,
                    e -> Reply.ok(AdoResponses.pats(e.org), e.version));
        }
        return unknownRoute();
    }

    private Route unknownRoute() {
        return new Route(null, false, false, false, Auth.REQUIRED, e -> notFoundText());
    }

    private static boolean matches(List<String> segments, String... expected) {
        if (segments.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!segments.get(i).equalsIgnoreCase(expected[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code /_apis/resourceAreas/{id}} (no auth) and the global profile endpoint. */
    private Reply organizationless(Exchange x, List<String> rest) {
        if (x.get() && rest.size() == 2 && rest.get(0).equalsIgnoreCase("resourceAreas")) {
            return resourceArea(x, rest.get(1));
        }
        if (x.get() && matches(rest, "profile", "profiles", "me")) {
            return globalProfile(x);
        }
        return notFoundText();
    }

    // ---- handlers ----

    private Reply resourceArea(Exchange x, String areaId) {
        if (!areaId.equalsIgnoreCase(FakeAzureDevOps.CORE_AREA_ID)) {
            return notFoundText();
        }
        Reply versionError = negotiateVersion(x, true);
        if (versionError != null) {
            return versionError;
        }
        String name = x.query("accountName") != null ? x.query("accountName") : x.query("organizationName");
        if (name == null) {
            return Reply.ok(AdoResponses.resourceArea(fake.baseUrl() + "/"), x.version);
        }
        Optional<Org> org = AdoFixtures.org(name);
        if (org.isPresent()) {
            return Reply.ok(AdoResponses.resourceArea(fake.baseUrl() + "/" + org.get().name() + "/"), x.version);
        }
        return fake.resourceAreasUnknownOrg() == ResourceAreasUnknownOrg.NULL_LOCATION_URL
                ? Reply.ok(AdoResponses.resourceArea(null), x.version)
                : unknownOrg();
    }

    /**
     * {@code app.vssps.visualstudio.com/_apis/profile/profiles/me}: needs a global PAT, so every org-scoped fixture
     * PAT gets the empty 401; {@link FakeTokens#PAT_GLOBAL_BLOCKED} (a global PAT) and an Entra token get Alice.
     */
    private Reply globalProfile(Exchange x) {
        String authorization = x.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return x.suppress() ? unauthorized(x, AdoResponses.F1_MESSAGE) : redirectToSignIn(x);
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        String credential = parts.length > 1 ? parts[1] : "";
        if (parts[0].equalsIgnoreCase("Bearer") && EntraFixtures.claimsFakeEntraOrigin(credential)) {
            return servicePrincipalProfile(x, credential);
        }
        boolean entra = parts[0].equalsIgnoreCase("Bearer") && JWT.matcher(credential).matches();
        Grant grant = parts[0].equalsIgnoreCase("Basic") ? AdoFixtures.TOKENS.get(patOf(credential)) : null;
        if (!entra && grant == null) {
            return x.suppress() ? unrecognised(x) : redirectToSignIn(x);
        }
        if (!entra && grant.kind() != Kind.GLOBAL_BLOCKED) {
            return missingScope(x);
        }
        Reply versionError = negotiateVersion(x, false);
        return versionError != null ? versionError : Reply.ok(AdoResponses.profile(AdoFixtures.ALICE), x.version);
    }

    /** The global profile for a token of the fake Entra: its principal, TF401444, or TF400813 for user ''. */
    private Reply servicePrincipalProfile(Exchange x, String jwt) {
        Optional<EntraFixtures.App> app = EntraFixtures.verify(jwt);
        if (app.isPresent() && app.get() == EntraFixtures.App.UNADDED) {
            return unauthorized(x, AdoResponses.signInOnceMessage(EntraFixtures.TENANT_ID, app.get().objectId()));
        }
        Grant grant = app.map(AdoFixtures.SERVICE_PRINCIPALS::get).orElse(null);
        if (grant == null) {
            return unauthorized(x, AdoResponses.notAuthorizedMessage(""));
        }
        Reply versionError = negotiateVersion(x, false);
        return versionError != null ? versionError : Reply.ok(AdoResponses.profile(grant.user()), x.version);
    }

    /** FULL for anonymous callers and users; a service principal's restriction otherwise. */
    private static Access access(Exchange x) {
        return x.grant == null ? Access.FULL : x.grant.access();
    }

    private Reply connectionData(Exchange x) {
        return Reply.ok(AdoResponses.connectionData(x.org, x.grant == null ? null : x.grant.user(), fake.onPrem2020()),
                x.version);
    }

    private Reply projects(Exchange x) {
        List<Project> all = access(x) == Access.NO_PROJECT ? List.of() : x.org.projects();
        int top = intParam(x, "$top", 100);
        if (fake.projectsPageCap() > 0) {
            top = Math.min(top, fake.projectsPageCap());
        }
        int start = intParam(x, "continuationToken", 0) + intParam(x, "$skip", 0);
        start = Math.min(start, all.size());
        int end = (int) Math.min(all.size(), (long) start + top);
        List<ObjectNode> page = new ArrayList<>();
        for (Project p : all.subList(start, end)) {
            page.add(AdoResponses.project(fake.baseUrl(), x.org, p));
        }
        Reply reply = Reply.ok(AdoResponses.countValue(page), x.version);
        if (end < all.size()) {
            reply.header("X-MS-ContinuationToken", Integer.toString(end));
        }
        return reply;
    }

    private Reply repositories(Exchange x, String projectName) {
        if (access(x) == Access.STAKEHOLDER) {
            return repoNotFound("");
        }
        if (access(x) == Access.NO_PROJECT) {
            return projectNoAccess(projectName == null ? x.org.projects().get(0).id()
                    : x.org.project(projectName).map(Project::id).orElse(projectName));
        }
        List<Project> projects;
        if (projectName == null) {
            projects = x.org.projects();
        } else {
            Optional<Project> project = x.org.project(projectName);
            if (project.isEmpty()) {
                return projectNotFound(projectName);
            }
            projects = List.of(project.get());
        }
        List<ObjectNode> repos = new ArrayList<>();
        for (Project p : projects) {
            for (Repo r : p.repos()) {
                repos.add(AdoResponses.repository(fake.baseUrl(), fake.sshUrlBase(), x.org, p, r));
            }
        }
        return Reply.ok(AdoResponses.countValue(repos), x.version);
    }

    private Reply repository(Exchange x, String projectName, String repoName) {
        Optional<Project> project = x.org.project(projectName);
        if (project.isEmpty()) {
            return projectNotFound(projectName);
        }
        Reply restricted = restricted(x, project.get(), repoName);
        if (restricted != null) {
            return restricted;
        }
        Optional<Repo> repo = AdoFixtures.repo(project.get(), repoName);
        if (repo.isEmpty()) {
            return repoNotFound(repoName);
        }
        return Reply.ok(AdoResponses.json(
                AdoResponses.repository(fake.baseUrl(), fake.sshUrlBase(), x.org, project.get(), repo.get())),
                x.version);
    }

    private Reply refs(Exchange x, String projectName, String repoName) {
        Optional<Project> project = x.org.project(projectName);
        if (project.isEmpty()) {
            return projectNotFound(projectName);
        }
        Reply restricted = restricted(x, project.get(), repoName);
        if (restricted != null) {
            return restricted;
        }
        Optional<Repo> repo = AdoFixtures.repo(project.get(), repoName);
        if (repo.isEmpty() || repo.get().disabled()) {
            return repoNotFound(repoName);
        }
        String filter = x.query("filter") == null ? "" : x.query("filter");
        List<Ref> matching = repo.get().refs().stream()
                .filter(r -> r.name().substring("refs/".length()).startsWith(filter)).toList();
        int start = 0;
        String token = x.query("continuationToken");
        if (token != null) {
            String next = decodeToken(token);
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).name().equals(next)) {
                    start = i;
                }
            }
        }
        int top = Math.min(intParam(x, "$top", 1000), 1000);
        int end = (int) Math.min(matching.size(), (long) start + top);
        List<ObjectNode> page = new ArrayList<>();
        for (Ref ref : matching.subList(start, end)) {
            page.add(AdoResponses.ref(fake.baseUrl(), x.org, project.get(), repo.get(), ref));
        }
        Reply reply = Reply.ok(AdoResponses.valueCount(page), x.version);
        if (end < matching.size()) {
            reply.header("X-MS-ContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(matching.get(end).name().getBytes(StandardCharsets.UTF_8)));
        }
        return reply;
    }

    /** A Stakeholder's 404 TF401019 (JSON), or the VS800075 of a principal with no project; null when allowed. */
    private static Reply restricted(Exchange x, Project project, String repoName) {
        return switch (access(x)) {
            case STAKEHOLDER -> repoNotFound(repoName);
            case NO_PROJECT -> projectNoAccess(project.id());
            case FULL -> null;
        };
    }

    private Reply infoRefs(Exchange x, String projectName, String repoName, boolean receive) {
        if (access(x) == Access.STAKEHOLDER) {
            return repoNotFound(repoName);
        }
        Optional<Repo> repo = x.org.project(projectName).flatMap(p -> AdoFixtures.repo(p, repoName));
        if (repo.isEmpty() || repo.get().disabled() || access(x) == Access.NO_PROJECT) {
            return Reply.of(404, Reply.TEXT, AdoResponses.repoNotFoundMessage(repoName));
        }
        String type = receive ? "receive" : "upload";
        String body = receive ? AdoResponses.receivePack(repo.get()) : AdoResponses.uploadPack(repo.get());
        return Reply.of(200, "application/x-git-" + type + "-pack-advertisement", body)
                .header("Cache-Control", "no-cache");
    }

    // ---- reply helpers ----

    private Reply unknownOrg() {
        return fake.unknownOrgBody() == UnknownOrgBody.HTML
                ? Reply.of(404, Reply.HTML, AdoResponses.notFoundPage())
                : notFoundText();
    }

    private static Reply notFoundText() {
        return Reply.of(404, Reply.TEXT, AdoResponses.F12_BODY);
    }

    private static Reply projectNotFound(String name) {
        return jsonError(404, AdoResponses.projectNotFound(name), AdoResponses.projectNotFoundMessage(name));
    }

    private static Reply projectNoAccess(String projectId) {
        return jsonError(404, AdoResponses.projectNoAccess(projectId), AdoResponses.projectNoAccessMessage(projectId));
    }

    private static Reply repoNotFound(String name) {
        return jsonError(404, AdoResponses.repoNotFound(name), AdoResponses.repoNotFoundMessage(name));
    }

    private static Reply jsonError(int code, String body, String message) {
        return Reply.error(code, body).header("X-TFS-ServiceError", AdoResponses.pct(message));
    }

    /** A TF400813 401 (UnauthorizedRequestException) with the 401 headers. */
    private static Reply unauthorized(Exchange x, String message) {
        return unauthorizedHeaders(x, Reply.error(401, AdoResponses.unauthorized(message)), message);
    }

    /** F2: the token means nothing here. */
    private static Reply unrecognised(Exchange x) {
        return unauthorized(x, AdoResponses.notAuthorizedMessage(AdoResponses.ANONYMOUS_ID));
    }

    private static Reply unauthorizedHeaders(Exchange x, Reply reply, String message) {
        wwwAuthenticate(x, reply);
        return reply.header("X-TFS-ServiceError", AdoResponses.pct(message));
    }

    private static void wwwAuthenticate(Exchange x, Reply reply) {
        reply.header("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/" + x.tenant)
                .header("WWW-Authenticate", "Basic realm=\"" + FakeAzureDevOps.BASIC_REALM + "\"")
                .header("WWW-Authenticate", "TFS-Federated")
                .header("X-VSS-ResourceTenant", x.tenant);
    }

    /** The scope case: 401, no body, no Content-Type, no X-TFS-ServiceError; WWW-Authenticate still sent. */
    private static Reply missingScope(Exchange x) {
        Reply reply = Reply.empty(401);
        wwwAuthenticate(x, reply);
        return reply;
    }

    /** F3, first hop: 302 to {@code {fake}/_signin?realm=dev.azure.com&reply_to={original URL}}. */
    private Reply redirectToSignIn(Exchange x) {
        String original = fake.baseUrl() + x.request.getTarget();
        String location = fake.baseUrl() + "/_signin?realm=dev.azure.com&reply_to=" + AdoResponses.pct(original);
        return Reply.of(302, Reply.HTML, AdoResponses.objectMoved(location)).header("Location", location);
    }

    private static int intParam(Exchange x, String name, int fallback) {
        String value = x.query(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed < 0 ? fallback : parsed;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private MockResponse toMockResponse(Exchange x, Reply reply) {
        MockResponse.Builder builder = new MockResponse.Builder();
        if (reply.stall) {
            return builder.onResponseStart(SocketEffect.Stall.INSTANCE).build();
        }
        builder.status(reply.statusLine());
        if (reply.contentType != null) {
            builder.addHeader("Content-Type", reply.contentType);
        }
        for (String[] h : reply.headers) {
            builder.addHeader(h[0], h[1]);
        }
        for (String[] h : x.extraHeaders) {
            if (!reply.hasHeader(h[0])) {
                builder.addHeader(h[0], h[1]);
            }
        }
        String session = x.header("X-TFS-Session");
        builder.addHeader("X-TFS-ProcessId", fake.processId())
                .addHeader("ActivityId", x.activityId)
                .addHeader("X-TFS-Session", session != null && !session.isBlank() ? session.trim() : x.activityId)
                .addHeader("X-VSS-E2EID", x.activityId)
                .addHeader("Access-Control-Expose-Headers", "ActivityId,X-TFS-Session,X-MS-ContinuationToken");
        if (reply.body != null && !"HEAD".equals(x.method())) {
            int bytes = reply.body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes >= fake.chunkedFromBytes()) {
                builder.chunkedBody(reply.body, 8 * 1024);
            } else {
                builder.body(reply.body);
            }
            long rate = fake.throttleBytesPerSecond();
            if (rate > 0) {
                builder.throttleBody(Math.max(1, rate / 10), 100, TimeUnit.MILLISECONDS);
            }
        }
        long delayNanos = fake.delay().toNanos();
        if (delayNanos > 0) {
            builder.headersDelay(delayNanos, TimeUnit.NANOSECONDS);
        }
        return builder.build();
    }
}
