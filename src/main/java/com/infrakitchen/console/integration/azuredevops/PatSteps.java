package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How the token check words what one answer proved (docs/azure-devops.md 11): pure functions from an answer to a
 * step, with no request of their own. {@link AzureDevOpsChecker} sends the requests and decides the order.
 */
final class PatSteps {

    static final int EXPIRY_WARNING_DAYS = 14;

    /** An expiry step, and whether it makes the result a "expiring soon" warning. */
    record Expiry(CheckStep step, boolean soon) {
    }

    private PatSteps() {
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

    /** The expiry date the user entered, within {@value #EXPIRY_WARNING_DAYS} days or past; empty otherwise. */
    static Optional<Expiry> expiry(LocalDate expires, LocalDate today) {
        if (expires == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, expires);
        if (days > EXPIRY_WARNING_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new Expiry(new CheckStep(AzureDevOpsChecker.STEP_EXPIRY, StepStatus.WARNING, days < 0
                ? "The expiry date entered (" + expires + ") has passed, yet Azure DevOps accepted the token:"
                        + " correct the date."
                : "The token expires on " + expires + " (in " + days + " day" + (days == 1 ? "" : "s") + ").", 0,
                null), days >= 0));
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
