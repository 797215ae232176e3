package com.infrakitchen.console.support.fakeentra;

import com.infrakitchen.console.support.fakeentra.EntraFixtures.App;
import com.infrakitchen.console.support.fakeentra.EntraResponses.Failure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers {@code POST /{tenant}/oauth2/v2.0/token} in the order of {@code docs/azure-devops.md} §12.6: route and
 * method, tenant, grant type, client id, scope, then the credential (secret, certificate assertion or federated
 * assertion). The first failure answers. Which check Entra makes first is not documented; this order is ours [inf].
 */
final class EntraDispatcher extends Dispatcher {

    private static final String GRANT = "client_credentials";

    private final FakeEntra fake;

    EntraDispatcher(FakeEntra fake) {
        this.fake = fake;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Instant now = Instant.now();
        List<String> segments = new ArrayList<>(request.getUrl().pathSegments());
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        boolean tokenRoute = segments.size() == 4 && segments.get(1).equals("oauth2")
                && segments.get(2).equals("v2.0") && segments.get(3).equals("token");
        String tenant = tokenRoute ? segments.get(0) : null;
        Map<String, String> form = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parseForm(request.getBody() == null ? "" : request.getBody().utf8(), form, names);
        }
        Failure failure;
        String accessToken = null;
        try {
            if (!tokenRoute) {
                failure = EntraResponses.notFound();
            } else if (!"POST".equals(request.getMethod())) {
                failure = EntraResponses.wrongMethod(request.getMethod());
            } else {
                String endpoint = fake.authorityHost() + request.getUrl().encodedPath();
                Object outcome = handle(tenant, form, endpoint, now);
                failure = outcome instanceof Failure f ? f : null;
                accessToken = outcome instanceof App app ? EntraFixtures.accessToken(app, now, fake.tokenLifetime())
                        : null;
            }
        } catch (RuntimeException e) {
            failure = EntraResponses.internalError();
        }
        fake.record(new TokenCall(request.getMethod(), request.getUrl().encodedPath(), tenant, names, form,
                failure == null ? 200 : failure.status(), failure == null ? null : failure.error(),
                failure == null ? 0 : failure.code()));
        return respond(request, failure, accessToken, now);
    }

    /** The app the request authenticates, or the failure to answer. */
    private Object handle(String tenant, Map<String, String> form, String endpoint, Instant now) {
        if (!EntraFixtures.knownTenant(tenant)) {
            return EntraResponses.tenantNotFound(tenant);
        }
        String grant = form.get("grant_type");
        if (blank(grant)) {
            return EntraResponses.missingParameter("grant_type");
        }
        if (!GRANT.equals(grant)) {
            return EntraResponses.unsupportedGrant(grant);
        }
        String clientId = form.get("client_id");
        if (blank(clientId)) {
            return EntraResponses.missingParameter("client_id");
        }
        Optional<App> found = App.byClientId(clientId);
        if (found.isEmpty()) {
            return EntraResponses.applicationNotFound(clientId);
        }
        App app = found.get();
        Failure scope = checkScope(form.get("scope"));
        if (scope != null) {
            return scope;
        }
        String secret = form.get("client_secret");
        String assertion = form.get("client_assertion");
        if (secret != null && assertion != null) {
            return EntraResponses.malformed();
        }
        if (blank(secret) && blank(assertion)) {
            return EntraResponses.noCredential();
        }
        if (secret != null) {
            if (fake.secretExpired(app, secret)) {
                return EntraResponses.expiredSecret(app.clientId());
            }
            return secret.equals(app.secret()) ? app : EntraResponses.invalidSecret(app.clientId());
        }
        String type = form.get("client_assertion_type");
        if (blank(type)) {
            return EntraResponses.missingParameter("client_assertion_type");
        }
        if (!EntraFixtures.CLIENT_ASSERTION_TYPE.equals(type)) {
            return EntraResponses.malformed();
        }
        Failure failure = ClientAssertions.check(assertion, app, endpoint, fake.certificates(app), now);
        return failure != null ? failure : app;
    }

    /** Exactly one scope, {@code {Azure DevOps}/.default} (by application id or application ID URI). */
    private static Failure checkScope(String scope) {
        if (blank(scope)) {
            return EntraResponses.missingParameter("scope");
        }
        String trimmed = scope.trim();
        if (trimmed.split("\\s+").length > 1) {
            return EntraResponses.scopeInvalid(trimmed);
        }
        if (!trimmed.endsWith("/.default")) {
            return EntraResponses.scopeNotDefault(trimmed);
        }
        String resource = trimmed.substring(0, trimmed.length() - "/.default".length());
        String bare = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        if (!bare.equalsIgnoreCase(EntraFixtures.AZURE_DEVOPS_RESOURCE)
                && !bare.equalsIgnoreCase(EntraFixtures.AZURE_DEVOPS_APP_ID_URI)) {
            return EntraResponses.resourceNotFound(resource);
        }
        return null;
    }

    private MockResponse respond(RecordedRequest request, Failure failure, String accessToken, Instant now) {
        String traceId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeaders().get("client-request-id");
        String correlationId = isUuid(clientRequestId) ? clientRequestId.trim() : UUID.randomUUID().toString();
        int status = failure == null ? 200 : failure.status();
        String body = failure == null
                ? EntraResponses.token(accessToken, fake.tokenLifetime().toSeconds())
                : EntraResponses.error(failure, traceId, correlationId, now);
        MockResponse.Builder builder = new MockResponse.Builder()
                .status("HTTP/1.1 " + status + " " + reason(status))
                .addHeader("Content-Type", EntraResponses.JSON_TYPE)
                .addHeader("Cache-Control", "no-store, no-cache")
                .addHeader("Pragma", "no-cache")
                .addHeader("x-ms-request-id", traceId)
                .addHeader("x-ms-ests-server", "2.1.fake")
                .body(body);
        if (clientRequestId != null && "true".equalsIgnoreCase(request.getHeaders().get("return-client-request-id"))) {
            builder.addHeader("client-request-id", correlationId);
        }
        long delay = fake.delay().toNanos();
        if (delay > 0) {
            builder.headersDelay(delay, TimeUnit.NANOSECONDS);
        }
        return builder.build();
    }

    /** {@code a=1&b=2}, percent- and plus-decoded; a repeated name keeps its first value. */
    private static void parseForm(String body, Map<String, String> form, List<String> names) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!form.containsKey(name)) {
                    form.put(name, value);
                    names.add(name);
                }
            } catch (IllegalArgumentException e) {
                // an undecodable pair is dropped, as if not sent
            }
        }
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value.trim()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            default -> "Unknown";
        };
    }
}
