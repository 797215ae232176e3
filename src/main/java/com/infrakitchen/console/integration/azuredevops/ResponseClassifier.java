package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Azure DevOps answers to diagnosis categories, as a table (house style idiom 6): each row is (the
 * probes it applies to, status, body kind, type key, message pattern) and the first row that matches
 * decides. The rows follow docs/azure-devops.md 5.1 (F1–F18) and 11, and docs/security.md 3.5; each is tested on
 * its own. A successful answer yields {@link #PASS}; it never depends on "2xx = OK" alone.
 */
final class ResponseClassifier {

    /** Not a failure: the probe proved what it was meant to prove. */
    static final Classification PASS = new Classification("pass", null);

    record Classification(String rule, @Nullable CheckCategory category) {
        boolean passed() {
            return category == null;
        }
    }

    enum Body { ANY, EMPTY, JSON, HTML, NOT_HTML }

    record Rule(String id, Set<Probe> probes, int statusFrom, int statusTo, Body body, @Nullable String typeKey,
            @Nullable Pattern text, @Nullable Predicate<AdoResponse> extra, @Nullable CheckCategory category) {

        boolean matches(Probe probe, AdoResponse r) {
            if (!probes.contains(probe) || r.status() < statusFrom || r.status() > statusTo) {
                return false;
            }
            boolean bodyOk = switch (body) {
                case ANY -> true;
                case EMPTY -> r.isEmpty();
                case JSON -> r.isJson() && r.json() != null;
                case HTML -> r.isHtml();
                case NOT_HTML -> !r.isHtml();
            };
            if (!bodyOk || (typeKey != null && !typeKey.equalsIgnoreCase(String.valueOf(r.typeKey())))) {
                return false;
            }
            if (text != null) {
                String all = r.typeKey() + "\n" + r.message() + "\n" + r.serviceError() + "\n"
                        + (r.isJson() ? "" : r.body());
                if (!text.matcher(all).find()) {
                    return false;
                }
            }
            return extra == null || extra.test(r);
        }
    }

    private static final Set<Probe> ALL = EnumSet.allOf(Probe.class);
    private static final Set<Probe> JSON_PROBES = EnumSet.of(Probe.ORGANIZATION, Probe.PROJECTS, Probe.IDENTITY,
            Probe.REPOSITORIES);
    private static final String ANONYMOUS_ID = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static Rule row(String id, Set<Probe> probes, int from, int to, Body body, @Nullable String typeKey,
            @Nullable String regex, @Nullable Predicate<AdoResponse> extra, @Nullable CheckCategory category) {
        return new Rule(id, probes, from, to, body, typeKey, regex == null ? null : p(regex), extra, category);
    }

    static final List<Rule> RULES = List.of(
            // A body larger than the cap is never parsed (H-12).
            row("too-large", ALL, 200, 299, Body.ANY, null, null, AdoResponse::truncated,
                    CheckCategory.RESPONSE_TOO_LARGE),
            // F3 / H-02 / H-03: a sign-in page is not success, whatever the status says.
            row("203", ALL, 203, 203, Body.ANY, null, null, null, CheckCategory.SIGN_IN_PAGE),
            row("2xx-html", ALL, 200, 299, Body.HTML, null, null, null, CheckCategory.SIGN_IN_PAGE),
            // Successes, each proving its probe's point. A listing read as a stream was a JSON {value: [...]}.
            row("listing-ok", EnumSet.of(Probe.PROJECTS, Probe.REPOSITORIES), 200, 200, Body.ANY, null, null,
                    r -> r.listing() != null, null),
            row("projects-ok", EnumSet.of(Probe.PROJECTS, Probe.REPOSITORIES), 200, 200, Body.JSON, null, null,
                    r -> r.json().path("value").isArray(), null),
            row("identity-anonymous", EnumSet.of(Probe.IDENTITY), 200, 200, Body.JSON, null, null,
                    r -> ANONYMOUS_ID.equalsIgnoreCase(r.json().path("authenticatedUser").path("id").asString("")),
                    CheckCategory.TOKEN_REJECTED),
            row("identity-ok", EnumSet.of(Probe.IDENTITY), 200, 200, Body.JSON, null, null,
                    r -> r.json().path("authenticatedUser").isObject(), null),
            row("organization-ok", EnumSet.of(Probe.ORGANIZATION), 200, 200, Body.JSON, null, null,
                    r -> !r.json().path("locationUrl").asString("").isBlank(), null),
            row("organization-null", EnumSet.of(Probe.ORGANIZATION), 200, 200, Body.JSON, null, null, null,
                    CheckCategory.ORGANIZATION_NOT_FOUND),
            row("receive-pack-ok", EnumSet.of(Probe.CODE_WRITE), 200, 200, Body.ANY, null, null,
                    r -> String.valueOf(r.contentType()).toLowerCase(Locale.ROOT)
                            .startsWith("application/x-git-receive-pack-advertisement"), null),
            row("2xx-other", ALL, 200, 299, Body.ANY, null, null, null, CheckCategory.UNEXPECTED_RESPONSE),
            // Redirects are never followed (docs/security.md 3.3); a sign-in redirect is F3.
            row("302-signin", ALL, 300, 399, Body.ANY, null, null,
                    r -> r.location() != null && r.location().contains("/_signin"), CheckCategory.SIGN_IN_PAGE),
            row("3xx", ALL, 300, 399, Body.ANY, null, null, null, CheckCategory.UNEXPECTED_REDIRECT),
            // 401, most specific first. TF401444: a service principal (or a user) the organization has never seen.
            row("TF401444-not-added", ALL, 401, 401, Body.ANY, null, "TF401444", null,
                    CheckCategory.PRINCIPAL_NOT_ADDED),
            row("F9-global-pat", ALL, 401, 401, Body.ANY, null, "global Personal Access Token", null,
                    CheckCategory.GLOBAL_TOKEN_BLOCKED),
            row("F4-expired", ALL, 401, 401, Body.ANY, "AccessCheckException", null, null,
                    CheckCategory.TOKEN_EXPIRED),
            row("F4-expired-text", ALL, 401, 401, Body.ANY, null, "has expired", null, CheckCategory.TOKEN_EXPIRED),
            row("F1-anonymous", ALL, 401, 401, Body.ANY, null, "not available for anonymous access", null,
                    CheckCategory.NO_CREDENTIALS),
            row("F2-unknown-token", ALL, 401, 401, Body.ANY, null,
                    "TF400813: The user '(aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa|System:PublicAccess;[^']*|)' is not"
                            + " authorized", null, CheckCategory.TOKEN_REJECTED),
            row("F8-not-member", ALL, 401, 401, Body.ANY, null,
                    "TF400813: The user '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' is not"
                            + " authorized", null, CheckCategory.NOT_A_MEMBER),
            row("F11-vs30063", ALL, 401, 401, Body.ANY, null, "VS30063", null, CheckCategory.TOKEN_REJECTED),
            // F6: a missing scope is an empty 401; which scope depends on the probe. For projects the identity
            // probe decides between a missing scope and an unknown token (see PatCheck).
            row("F6-projects-scope", EnumSet.of(Probe.PROJECTS), 401, 401, Body.EMPTY, null, null, null,
                    CheckCategory.PROJECT_SCOPE_MISSING),
            row("F6-code-read-scope", EnumSet.of(Probe.REPOSITORIES), 401, 401, Body.EMPTY, null, null, null,
                    CheckCategory.CODE_READ_MISSING),
            row("F6-code-write-scope", EnumSet.of(Probe.CODE_WRITE), 401, 401, Body.EMPTY, null, null, null,
                    CheckCategory.CODE_WRITE_MISSING),
            row("401-other", ALL, 401, 401, Body.ANY, null, null, null, CheckCategory.TOKEN_REJECTED),
            // 403.
            row("F10-conditional-access", ALL, 403, 403, Body.ANY, null, "VS403463", null,
                    CheckCategory.CONDITIONAL_ACCESS_BLOCKED),
            row("403-code-write", EnumSet.of(Probe.CODE_WRITE), 403, 403, Body.ANY, null, null, null,
                    CheckCategory.CODE_WRITE_NOT_PERMITTED),
            row("403-other", ALL, 403, 403, Body.ANY, null, null, null, CheckCategory.FORBIDDEN),
            // 404: project and repository errors name themselves; anything else is the organization (F12). On the
            // organization's repository listing, which names no project or repository, they mean the identity may
            // not use them: no access to a project (VS800075), or Stakeholder access (TF401019 for every repository).
            row("VS800075-listing", EnumSet.of(Probe.REPOSITORIES), 404, 404, Body.ANY, null,
                    "VS800075|ProjectDoesNotExistException", null, CheckCategory.PROJECT_ACCESS_DENIED),
            row("TF401019-listing", EnumSet.of(Probe.REPOSITORIES), 404, 404, Body.ANY, null,
                    "TF401019|GitRepositoryNotFoundException", null, CheckCategory.STAKEHOLDER_ACCESS),
            row("F13-project", ALL, 404, 404, Body.ANY, null,
                    "TF200016|VS800075|ProjectDoesNotExist", null, CheckCategory.PROJECT_NOT_FOUND),
            row("F14-repository", ALL, 404, 404, Body.ANY, null, "TF401019|GitRepositoryNotFoundException", null,
                    CheckCategory.REPOSITORY_NOT_FOUND),
            row("F12-organization", ALL, 404, 404, Body.ANY, null, null, null,
                    CheckCategory.ORGANIZATION_NOT_FOUND),
            row("F15-rate-limited", ALL, 429, 429, Body.ANY, null, null, null, CheckCategory.RATE_LIMITED),
            row("F16-api-version", ALL, 400, 400, Body.ANY, null,
                    "VssInvalidPreviewVersion|VssVersionOutOfRange|VssVersionNotSpecified|api-version|REST API"
                            + " version|is under preview", null, CheckCategory.API_VERSION_MISMATCH),
            row("F17-internal-error", ALL, 500, 500, Body.ANY, null, null, null, CheckCategory.SERVICE_ERROR),
            row("F18-unavailable", ALL, 502, 504, Body.ANY, null, null, null, CheckCategory.SERVICE_UNAVAILABLE),
            row("F18-unavailable-page", ALL, 500, 599, Body.ANY, null, "Services Unavailable", null,
                    CheckCategory.SERVICE_UNAVAILABLE),
            row("5xx", ALL, 500, 599, Body.ANY, null, null, null, CheckCategory.SERVICE_ERROR),
            row("other", ALL, 0, 999, Body.ANY, null, null, null, CheckCategory.UNEXPECTED_RESPONSE));

    private ResponseClassifier() {
    }

    static Classification classify(Probe probe, AdoResponse response) {
        for (Rule rule : RULES) {
            if (rule.matches(probe, response)) {
                return new Classification(rule.id(), rule.category());
            }
        }
        throw new IllegalStateException("the last rule matches everything");
    }
}
