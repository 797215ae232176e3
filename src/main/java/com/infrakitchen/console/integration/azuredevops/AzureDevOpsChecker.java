package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.secret.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The personal access token check: the ordered steps of docs/azure-devops.md section 11. Local checks first (no
 * request for a malformed name or token); then the organization lookup, projects, identity and
 * repositories go out together, because none of them needs another's answer and the test then costs one
 * round trip instead of four; the Code write probe follows on a repository the listing found. The projects
 * answer decides authentication; the identity answer tells a missing scope from an unknown token after an
 * empty 401. Once a failure decides the result, calls still in flight are cancelled.
 */
@Component
public class AzureDevOpsChecker {

    static final String STEP_LOCAL = "Local checks";
    static final String STEP_ORGANIZATION = "Organization";
    static final String STEP_PROJECTS = "Authentication and Project read";
    static final String STEP_IDENTITY = "Identity";
    static final String STEP_CODE_READ = "Code read";
    static final String STEP_CODE_WRITE = "Code write";
    static final String STEP_EXPIRY = "Token expiry";

    private final AzureDevOpsHttp http;
    private final Clock clock;

    AzureDevOpsChecker(AzureDevOpsHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The token as it would be sent: without the whitespace a paste brings along. */
    static String typed(@Nullable Secret token) {
        return token == null ? "" : AzureDevOpsRules.normaliseToken(token.reveal());
    }

    /** Runs one test of a token; blocking, meant for a background thread. Never throws for a failed connection. */
    public CheckResult check(CheckInput input, Cancellation cancellation) {
        try (AzureDevOpsHttp.Connections connections = http.connections()) {
            return new Run(input, cancellation, connections).run();
        }
    }

    private final class Run {
        private final CheckInput input;
        private final Cancellation cancellation;
        private final String org;
        private final Instant startedAt = clock.instant();
        private final long start = System.nanoTime();
        private final List<CheckStep> steps = new ArrayList<>();
        private final String session = UUID.randomUUID().toString();
        private @Nullable String identity;
        private @Nullable Integer projectCount;
        private @Nullable Integer repositoryCount;
        private final AzureDevOpsHttp.Connections connections;
        private final Repositories seen = new Repositories();

        Run(CheckInput input, Cancellation cancellation, AzureDevOpsHttp.Connections connections) {
            this.input = input;
            this.cancellation = cancellation;
            this.connections = connections;
            this.org = input.organization() == null ? "" : input.organization().strip();
        }

        CheckResult run() {
            String token = typed(input.token());
            PatSteps.Local local = PatSteps.local(org, token);
            steps.add(local.step());
            if (local.failure() != null) {
                return done(local.failure(), null);
            }

            AzureDevOpsUrls urls = new AzureDevOpsUrls(http.baseUrl());
            var organization = send(urls.organizationLookup(org), null);
            var projects = send(urls.projects(org), token);
            var who = send(urls.connectionData(org), token);
            var repos = send(urls.repositories(org), token, AzureDevOpsHttp.ReadMode.LISTING, seen::add);
            List<CompletableFuture<Exchange>> pending = List.of(organization, projects, who, repos);

            Exchange projectsDone = projects.join();
            Exchange organizationDone = organization.isDone() ? organization.join() : null;
            CheckCategory decided = projectsStep(projectsDone, who, organizationDone);
            if (decided != null) {
                pending.forEach(f -> f.cancel(true));
                cancelCalls();
                return done(decided, projectsDone);
            }
            if (organizationDone == null) {
                organizationDone = organization.join();
            }
            steps.add(PatSteps.organization(organizationDone, org, true));
            CheckCategory identityProblem = identityStep(who.join());
            if (identityProblem != null) {
                cancelCalls();
                return done(identityProblem, who.join());
            }
            List<CheckCategory> warnings = new ArrayList<>();
            if (identity == null) {
                warnings.add(CheckCategory.IDENTITY_UNKNOWN);
            }
            Repositories.Repo probeRepo = codeReadStep(repos.join(), warnings);
            if (warnings.stream().anyMatch(w -> w.outcome() == CheckOutcome.FAILED)) {
                return done(PatSteps.mostImportant(warnings), repos.join());
            }
            codeWriteStep(urls, probeRepo, token, warnings);
            if (projectCount != null && projectCount == 0 && repositoryCount != null && repositoryCount == 0) {
                warnings.add(CheckCategory.NO_VISIBLE_PROJECTS);
            }
            PatSteps.expiry(input.tokenExpiresOn(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .ifPresent(expiry -> {
                        steps.add(expiry.step());
                        if (expiry.soon()) {
                            warnings.add(CheckCategory.TOKEN_EXPIRING_SOON);
                        }
                    });
            if (PatSteps.sawRetryAfter(projectsDone, who.join(), repos.join())) {
                warnings.add(CheckCategory.NEAR_RATE_LIMIT);
            }
            return done(warnings.isEmpty() ? CheckCategory.CONNECTED : PatSteps.mostImportant(warnings), null);
        }

        /** Decides authentication. Returns the failure category, or null when the token works here. */
        private @Nullable CheckCategory projectsStep(Exchange e, CompletableFuture<Exchange> who,
                @Nullable Exchange organization) {
            if (e.error() != null) {
                CheckCategory category = TransportFailures.classify(e.error(), cancellation.isCancelled());
                steps.add(failedTransport(STEP_PROJECTS, e, category));
                return category;
            }
            AdoResponse r = e.response();
            Classification c = ResponseClassifier.classify(Probe.PROJECTS, r);
            if (c.passed()) {
                int seen = r.json().path("value").size();
                steps.add(new CheckStep(STEP_PROJECTS, StepStatus.PASSED, seen == 0
                        ? "The token is valid for " + org + ", but sees no project."
                        : "The token is valid for " + org + " and may read projects.", r.durationMillis(),
                        r.details()));
                if (seen == 0) {
                    projectCount = 0;
                }
                return null;
            }
            if (c.category() == CheckCategory.PROJECT_SCOPE_MISSING) {
                // An empty 401: a missing scope if the identity is known, else the token is not accepted.
                Exchange w = who.join();
                boolean known = w.error() == null
                        && ResponseClassifier.classify(Probe.IDENTITY, w.response()).passed();
                if (known) {
                    identity = PatSteps.displayName(w.response().json());
                    steps.add(new CheckStep(STEP_PROJECTS, StepStatus.FAILED, "Azure DevOps knows the token (it"
                            + " belongs to " + identity + ") but refused to list projects: the scope Project"
                            + " and Team (Read) is missing.", r.durationMillis(), r.details()));
                    return CheckCategory.PROJECT_SCOPE_MISSING;
                }
                steps.add(new CheckStep(STEP_PROJECTS, StepStatus.FAILED, "Azure DevOps refused the token with an"
                        + " empty 401, and does not know whom it belongs to.", r.durationMillis(), r.details()));
                return CheckCategory.TOKEN_REJECTED;
            }
            if (organization != null && c.category() == CheckCategory.ORGANIZATION_NOT_FOUND) {
                steps.add(PatSteps.organization(organization, org, false));
            }
            steps.add(new CheckStep(STEP_PROJECTS, StepStatus.FAILED, c.category().headline(org),
                    r.durationMillis(), r.details()));
            return c.category();
        }

        private @Nullable CheckCategory identityStep(Exchange e) {
            PatSteps.Identity answer = PatSteps.identity(e, org);
            steps.add(answer.step());
            identity = answer.name();
            return answer.failure();
        }

        /** Returns a repository to probe for write access, or null. */
        private Repositories.@Nullable Repo codeReadStep(Exchange e, List<CheckCategory> warnings) {
            if (e.error() != null) {
                CheckCategory category = TransportFailures.classify(e.error(), cancellation.isCancelled());
                steps.add(failedTransport(STEP_CODE_READ, e, category));
                warnings.add(category);
                return null;
            }
            AdoResponse r = e.response();
            Classification c = ResponseClassifier.classify(Probe.REPOSITORIES, r);
            if (!c.passed()) {
                boolean scope = c.category() == CheckCategory.CODE_READ_MISSING;
                steps.add(new CheckStep(STEP_CODE_READ, scope ? StepStatus.WARNING : StepStatus.FAILED,
                        scope ? "The token may not read repositories: the scope Code (Read) is missing."
                                : c.category().headline(org), r.durationMillis(), r.details()));
                warnings.add(c.category());
                return null;
            }
            if (r.listing() == null) {
                // read whole (a small answer): the same entries, from the parsed body
                r.json().path("value").forEach(seen::add);
            }
            boolean complete = r.listing() == null || r.listing().complete();
            long total = r.listing() == null ? seen.count() : r.listing().total();
            repositoryCount = (int) Math.min(Integer.MAX_VALUE, total);
            int projectsWithRepos = seen.projectCount();
            projectCount = repositoryCount == 0 ? projectCount : projectsWithRepos;
            String summary = PatSteps.codeRead(repositoryCount, projectsWithRepos, complete, seen.count());
            steps.add(new CheckStep(STEP_CODE_READ, StepStatus.PASSED, summary, r.durationMillis(), r.details()));
            return seen.probe();
        }

        private void codeWriteStep(AzureDevOpsUrls urls, Repositories.@Nullable Repo repo, String token,
                List<CheckCategory> warnings) {
            if (repo == null) {
                steps.add(CheckStep.skipped(STEP_CODE_WRITE, "No repository to probe, so write access is unknown."));
                return;
            }
            String project = repo.project();
            String name = repo.name();
            // Only the status and content type matter: the advertisement's size grows with the repository's refs.
            Exchange e = send(urls.receivePack(org, project, name), token, AzureDevOpsHttp.ReadMode.HEAD, null).join();
            if (e.error() != null) {
                steps.add(new CheckStep(STEP_CODE_WRITE, StepStatus.WARNING, "Could not probe write access: "
                        + TransportFailures.describe(e.error()), e.durationMillis(), null));
                return;
            }
            steps.add(PatSteps.codeWrite(e.response(), project + "/" + name, org, warnings));
        }

        private final List<Call> calls = new CopyOnWriteArrayList<>();

        private CompletableFuture<Exchange> send(HttpUrl url, @Nullable String token) {
            return send(url, token, AzureDevOpsHttp.ReadMode.SMALL, null);
        }

        private CompletableFuture<Exchange> send(HttpUrl url, @Nullable String token, AzureDevOpsHttp.ReadMode mode,
                @Nullable Consumer<JsonNode> entries) {
            Call call = connections.newGet(url, token, session);
            calls.add(call);
            cancellation.onCancel(call::cancel);
            return http.send(call, mode, entries);
        }

        private void cancelCalls() {
            calls.forEach(Call::cancel);
        }

        private CheckStep failedTransport(String name, Exchange e, CheckCategory category) {
            return new CheckStep(name, StepStatus.FAILED, category.headline(org) + " ("
                    + TransportFailures.describe(e.error()) + ")", e.durationMillis(),
                    new HttpDetails("GET", e.url(), null, null, null, null, null, null,
                            TransportFailures.describe(e.error())));
        }

        private CheckResult done(CheckCategory category, @Nullable Object decisive) {
            HttpDetails details = null;
            if (decisive instanceof Exchange e) {
                details = e.response() != null ? e.response().details()
                        : new HttpDetails("GET", e.url(), null, null, null, null, null, null,
                                TransportFailures.describe(e.error()));
            } else if (decisive instanceof AdoResponse r) {
                details = r.details();
            }
            if (cancellation.isCancelled()) {
                category = CheckCategory.CANCELLED;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CheckResult(category, org, identity, projectCount, repositoryCount, steps,
                    category.outcome() == CheckOutcome.FAILED ? details : null, startedAt, millis,
                    input.fingerprint());
        }
    }
}
