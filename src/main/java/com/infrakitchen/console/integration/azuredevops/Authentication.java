package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * How the projects answer decides authentication (docs/azure-devops.md 11 step 2), once its connection was made:
 * passes, or fails with a category and the two steps before it ends the test. An empty 401 waits for the identity
 * answer sent in parallel: a known user means the Project scope is missing, else the token is not accepted. An
 * organization not found waits briefly for the organization lookup, so its step can show the lookup's verdict too.
 */
final class Authentication {

    /** How long a decided "organization not found" waits for the organization lookup sent with it. */
    static final long ORGANIZATION_WAIT_SECONDS = 1;

    /**
     * @param organization the organization step (the lookup's verdict, or skipped: not awaited)
     * @param step         the failed authentication step
     * @param identity     the token's user, when the identity answer named one
     */
    record Failure(CheckCategory category, CheckStep organization, CheckStep step, @Nullable String identity) {
    }

    private Authentication() {
    }

    /**
     * Null when the token works here; {@code transport} is the category of {@code e}'s network failure. The step
     * says the headline as of {@code today} (the application Clock's: global tokens are past from 2026-12-01).
     */
    static @Nullable Failure failure(Exchange e, @Nullable CheckCategory transport,
            CompletableFuture<Exchange> organization, CompletableFuture<Exchange> who, String org, LocalDate today) {
        String name = AzureDevOpsChecker.STEP_PROJECTS;
        CheckStep step;
        CheckCategory category;
        String identity = null;
        if (e.error() != null) {
            category = transport == null ? CheckCategory.NETWORK_ERROR : transport;
            step = PatSteps.failedTransport(name, e, category, org);
        } else {
            AdoResponse r = e.response();
            Classification c = ResponseClassifier.classify(Probe.PROJECTS, r);
            if (c.passed()) {
                return null;
            }
            category = c.category();
            step = new CheckStep(name, StepStatus.FAILED, category.headline(org, today), r.durationMillis(),
                    r.details());
            if (category == CheckCategory.PROJECT_SCOPE_MISSING) {
                Exchange w = who.join();
                boolean known = w.error() == null && ResponseClassifier.classify(Probe.IDENTITY, w.response()).passed();
                identity = known ? PatSteps.displayName(w.response().json()) : null;
                category = known ? CheckCategory.PROJECT_SCOPE_MISSING : CheckCategory.TOKEN_REJECTED;
                step = PatSteps.projectsEmpty401(identity, r);
            }
        }
        CheckStep organizationStep = category == CheckCategory.ORGANIZATION_NOT_FOUND && answered(organization)
                ? PatSteps.organization(organization.join(), org, false)
                : CheckStep.skipped(AzureDevOpsChecker.STEP_ORGANIZATION,
                        "Not awaited: the projects answer decided the result.");
        return new Failure(category, organizationStep, step, identity);
    }

    private static boolean answered(CompletableFuture<Exchange> organization) {
        try {
            organization.get(ORGANIZATION_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
