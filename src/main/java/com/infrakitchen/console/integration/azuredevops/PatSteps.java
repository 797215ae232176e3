package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How the token check words what one answer proved (docs/azure-devops.md 11): pure functions from an answer to a
 * step, with no request of their own. {@link AzureDevOpsChecker} sends the requests and decides the order.
 */
final class PatSteps {

    /** An expiry step, and whether it makes the result a "expiring soon" warning. */
    record Expiry(CheckStep step, boolean soon) {
    }

    private PatSteps() {
    }

    /** The identity step, whose token it is (null when unknown), and the category that ends the test (or null). */
    record Identity(CheckStep step, @Nullable String name, @Nullable CheckCategory failure) {
    }

    /**
     * Who the token belongs to. Not knowing is a warning (the projects answer decided authentication), except when
     * Azure DevOps answered as for an anonymous visitor: then the token was not used at all.
     */
    static Identity identity(Exchange e, String org) {
        String step = AzureDevOpsChecker.STEP_IDENTITY;
        if (e.error() != null) {
            return new Identity(new CheckStep(step, StepStatus.WARNING, "Could not ask who the token belongs to: "
                    + TransportFailures.describe(e.error()), e.durationMillis(), null), null, null);
        }
        AdoResponse r = e.response();
        Classification c = ResponseClassifier.classify(Probe.IDENTITY, r);
        if (c.passed()) {
            String name = displayName(r.json());
            return new Identity(new CheckStep(step, StepStatus.PASSED, "The token belongs to " + name + ".",
                    r.durationMillis(), r.details()), name, null);
        }
        if ("identity-anonymous".equals(c.rule())) {
            // Projects answered, but only as for an anonymous visitor (public projects): the token is not used.
            return new Identity(new CheckStep(step, StepStatus.FAILED, "Azure DevOps treated the request as"
                    + " anonymous: the token was not accepted (only public data is visible).", r.durationMillis(),
                    r.details()), null, CheckCategory.TOKEN_REJECTED);
        }
        return new Identity(new CheckStep(step, StepStatus.WARNING, "Could not ask who the token belongs to: "
                + c.category().headline(org), r.durationMillis(), r.details()), null, null);
    }

    /** The local checks' step, and the category that ends the test there (null when the checks pass). */
    record Local(CheckStep step, @Nullable CheckCategory failure) {
    }

    /**
     * The local checks, before anything is sent: the organization name, a token given, its format. The same
     * judgement decides whether a test runs outside the limits ({@code AzureDevOpsChecker#failsLocally}).
     */
    static Local local(String org, String token) {
        Optional<String> orgProblem = AzureDevOpsRules.organizationProblem(org);
        if (orgProblem.isPresent()) {
            return failed(orgProblem.get(), CheckCategory.INVALID_ORGANIZATION_NAME);
        }
        if (token.isEmpty()) {
            return failed("No token was given.", CheckCategory.NO_TOKEN);
        }
        Optional<String> tokenProblem = AzureDevOpsRules.tokenProblem(token);
        if (tokenProblem.isPresent()) {
            return failed(tokenProblem.get(), CheckCategory.INVALID_TOKEN_FORMAT);
        }
        return new Local(new CheckStep(AzureDevOpsChecker.STEP_LOCAL, StepStatus.PASSED, AzureDevOpsRules
                .tokenWarning(token).orElse("Organization name and token format are valid."), 0, null), null);
    }

    private static Local failed(String why, CheckCategory category) {
        return new Local(new CheckStep(AzureDevOpsChecker.STEP_LOCAL, StepStatus.FAILED, why, 0, null), category);
    }

    /** E1 only informs: the projects answer decides. {@code projectsPassed} keeps it from contradicting that. */
    static CheckStep organization(Exchange e, String org, boolean projectsPassed) {
        String name = AzureDevOpsChecker.STEP_ORGANIZATION;
        if (e.error() != null) {
            return new CheckStep(name, StepStatus.SKIPPED, "The lookup failed (" + TransportFailures.describe(e.error())
                    + "); the projects request decides.", e.durationMillis(), null);
        }
        AdoResponse r = e.response();
        Classification c = ResponseClassifier.classify(Probe.ORGANIZATION, r);
        if (c.passed()) {
            return new CheckStep(name, StepStatus.PASSED, "Organization " + org + " exists.", r.durationMillis(),
                    r.details());
        }
        if (c.category() == CheckCategory.ORGANIZATION_NOT_FOUND && projectsPassed) {
            return new CheckStep(name, StepStatus.SKIPPED, "The organization lookup found nothing, but the"
                    + " organization answered (servers without the lookup, such as on-premises ones, do this).",
                    r.durationMillis(), r.details());
        }
        if (c.category() == CheckCategory.ORGANIZATION_NOT_FOUND) {
            return new CheckStep(name, StepStatus.FAILED, "Azure DevOps has no organization named " + org + ".",
                    r.durationMillis(), r.details());
        }
        return new CheckStep(name, StepStatus.SKIPPED, "The lookup answered " + r.status()
                + "; the projects request decides.", r.durationMillis(), r.details());
    }

    /**
     * The authentication step once the projects are counted (the first page passed): the token works here, and how
     * many projects it sees, or at least how many when the count stopped ({@link ProjectPages}).
     */
    static CheckStep projects(String org, ProjectPages.Count count, AdoResponse first) {
        String valid = "The token is valid for " + org;
        String summary;
        if (count.complete()) {
            summary = count.seen() == 0 ? valid + ", but sees no project."
                    : valid + " and may read projects: it sees " + plural(count.seen(), "project", "", "s") + ".";
        } else {
            summary = valid + " and may read projects: it sees at least " + plural(count.seen(), "project", "", "s")
                    + " (" + count.why() + ").";
        }
        return new CheckStep(AzureDevOpsChecker.STEP_PROJECTS, StepStatus.PASSED, summary, count.millis(),
                first.details());
    }

    /** An empty 401 on the projects: a missing scope when the identity is known ({@code user}), else not accepted. */
    static CheckStep projectsEmpty401(@Nullable String user, AdoResponse r) {
        return new CheckStep(AzureDevOpsChecker.STEP_PROJECTS, StepStatus.FAILED, user != null
                ? "Azure DevOps knows the token (it belongs to " + user + ") but refused to list projects: the scope"
                        + " Project and Team (Read) is missing."
                : "Azure DevOps refused the token with an empty 401, and does not know whom it belongs to.",
                r.durationMillis(), r.details());
    }

    /** What the repositories listing showed: how many repositories, in how many projects. */
    static String codeRead(int repositories, int projects, boolean complete, int entriesRead) {
        if (repositories == 0) {
            return "The token may read code, but sees no repository.";
        }
        if (complete) {
            return "The token may read code: " + plural(repositories, "repositor", "y", "ies") + " in "
                    + plural(projects, "project", "", "s") + ".";
        }
        return "The token may read code: " + plural(repositories, "repositor", "y", "ies") + "; the listing was"
                + " larger than app.azure-devops.max-listing-bytes, so the projects were counted in its first "
                + entriesRead + " entries only (" + projects + ").";
    }

    /** The read-only push advertisement of {@code where} ({@code project/repository}); a refusal is a warning. */
    static CheckStep codeWrite(AdoResponse r, String where, String org, List<CheckCategory> warnings) {
        String name = AzureDevOpsChecker.STEP_CODE_WRITE;
        Classification c = ResponseClassifier.classify(Probe.CODE_WRITE, r);
        if (c.passed()) {
            return new CheckStep(name, StepStatus.PASSED, "The token may push to " + where
                    + " (asked for the push advertisement only; nothing was written).", r.durationMillis(), r.details());
        }
        if (c.category() == CheckCategory.CODE_WRITE_MISSING || c.category() == CheckCategory.CODE_WRITE_NOT_PERMITTED) {
            warnings.add(c.category());
            return new CheckStep(name, StepStatus.WARNING, c.category() == CheckCategory.CODE_WRITE_MISSING
                    ? "The token may not push to " + where + ": the scope Code (Read and write) is missing."
                    : "The token's user may not push to " + where + ".", r.durationMillis(), r.details());
        }
        return new CheckStep(name, StepStatus.WARNING, "Could not probe write access on " + where + ": "
                + c.category().headline(org), r.durationMillis(), r.details());
    }

    /**
     * The expiry date the user entered, within {@value CredentialExpiry#WARNING_DAYS} days or past (the shared
     * levels); empty otherwise.
     */
    static Optional<Expiry> expiry(@Nullable LocalDate expires, LocalDate today) {
        if (expires == null || !CredentialExpiry.level(expires, today).warns()) {
            return Optional.empty();
        }
        long days = CredentialExpiry.daysLeft(expires, today);
        return Optional.of(new Expiry(new CheckStep(AzureDevOpsChecker.STEP_EXPIRY, StepStatus.WARNING, days < 0
                ? "The expiry date entered (" + expires + ") has passed, yet Azure DevOps accepted the token:"
                        + " correct the date."
                : "The token expires on " + expires + " (in " + days + " day" + (days == 1 ? "" : "s") + ").", 0,
                null), days >= 0));
    }

    /** A request that ended in a network failure, as the step it failed. */
    static CheckStep failedTransport(String name, Exchange e, CheckCategory category, String org) {
        return new CheckStep(name, StepStatus.FAILED, category.headline(org) + " ("
                + TransportFailures.describe(e.error()) + ")", e.durationMillis(), transportDetails(e));
    }

    static HttpDetails transportDetails(Exchange e) {
        return new HttpDetails("GET", e.url(), null, null, null, null, null, null,
                TransportFailures.describe(e.error()));
    }

    /** Failures first, then the warnings in the order of {@link CheckCategory}. */
    static CheckCategory mostImportant(List<CheckCategory> found) {
        return found.stream().min(Comparator.comparing((CheckCategory c) -> c.outcome() != CheckOutcome.FAILED)
                .thenComparing(Enum::ordinal)).orElseThrow();
    }

    static boolean sawRetryAfter(Exchange... exchanges) {
        for (Exchange e : exchanges) {
            if (e.response() != null && e.response().retryAfterSeconds() != null) {
                return true;
            }
        }
        return false;
    }

    static String plural(long n, String stem, String one, String many) {
        return n + " " + stem + (n == 1 ? one : many);
    }

    static String displayName(JsonNode connectionData) {
        JsonNode user = connectionData.path("authenticatedUser");
        String name = user.path("providerDisplayName").asString("");
        if (name.isBlank()) {
            name = user.path("customDisplayName").asString("");
        }
        return name.isBlank() ? "an unnamed user" : name;
    }
}
