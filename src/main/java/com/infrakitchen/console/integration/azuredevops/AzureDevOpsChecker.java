package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.ReadMode;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The personal access token check: the ordered steps of docs/azure-devops.md section 11, the ladder. Local checks
 * first (no request for a malformed name or token); then the organization lookup, projects, identity and
 * repositories go out together, because none of them needs another's answer and the test then costs one
 * round trip instead of four; the Code write probe follows on a repository the listing found. The projects
 * request decides: its own connection's DNS lookup, TCP connect and TLS handshake are the network steps
 * ({@link NetworkSteps}), its answer decides authentication, and its pages count the projects; the identity answer
 * tells a missing scope from an unknown token after an empty 401. Once a failure decides the result, calls still in
 * flight are cancelled and the steps after the failed one are "Not reached". Each step is reported as it is added.
 */
@Component
public class AzureDevOpsChecker {

    static final String STEP_LOCAL = "Local checks";
    static final String STEP_DNS = NetworkSteps.STEP_DNS;
    static final String STEP_TCP = NetworkSteps.STEP_TCP;
    static final String STEP_TLS = NetworkSteps.STEP_TLS;
    static final String STEP_ORGANIZATION = "Organization";
    static final String STEP_PROJECTS = "Authentication and Project read";
    static final String STEP_IDENTITY = "Identity";
    static final String STEP_CODE_READ = "Code read";
    static final String STEP_CODE_WRITE = "Code write";
    static final String STEP_EXPIRY = "Token expiry";
    static final String STEP_ENTRA = "Microsoft Entra token";
    static final String STEP_SECRET_EXPIRY = "Secret expiry";
    /** The ladder, in order; the token expiry note, added only when the date is near, is not part of it. */
    static final List<String> STEPS = List.of(STEP_LOCAL, STEP_DNS, STEP_TCP, STEP_TLS, STEP_ORGANIZATION,
            STEP_PROJECTS, STEP_IDENTITY, STEP_CODE_READ, STEP_CODE_WRITE);
    /** A service principal's ladder: its Microsoft Entra token first, then the same Azure DevOps steps. */
    static final List<String> PRINCIPAL_STEPS = List.of(STEP_LOCAL, STEP_ENTRA, STEP_DNS, STEP_TCP, STEP_TLS,
            STEP_ORGANIZATION, STEP_PROJECTS, STEP_IDENTITY, STEP_CODE_READ, STEP_CODE_WRITE);

    private final AzureDevOpsHttp http;
    private final Clock clock;
    private final boolean observeConnections;

    @Autowired
    AzureDevOpsChecker(AzureDevOpsHttp http, Clock clock) {
        this(http, clock, true);
    }

    /** {@code observeConnections} false: no EventListener and no network steps (the benchmark's comparison). */
    AzureDevOpsChecker(AzureDevOpsHttp http, Clock clock, boolean observeConnections) {
        this.http = http;
        this.clock = clock;
        this.observeConnections = observeConnections;
    }

    /** The token as it would be sent: without the whitespace a paste brings along. */
    static String typed(@Nullable Secret token) {
        return token == null ? "" : AzureDevOpsRules.normaliseToken(token.reveal());
    }

    /** Runs one test of a token; blocking, meant for a background thread. Never throws for a failed connection. */
    public CheckResult check(CheckInput input, Cancellation cancellation) {
        try (AzureDevOpsHttp.Connections connections = http.connections(observeConnections)) {
            return new Run(input, cancellation, connections, ladder(STEPS, cancellation), null).run();
        }
    }

    /** The ladder of a service principal's test. */
    CheckLadder principalLadder(Cancellation cancellation) {
        return ladder(PRINCIPAL_STEPS, cancellation);
    }

    /** {@code order}, with the egress proxy's hop when the base URL is proxied (decision 0018). */
    private CheckLadder ladder(List<String> order, Cancellation cancellation) {
        OutboundProxy proxy = http.outbound().usedFor(http.baseUrl().host()) ? http.outbound() : null;
        return new CheckLadder(proxy == null ? order : ProxySteps.withHop(order, proxy), cancellation);
    }

    /**
     * The Azure DevOps steps of a service principal's test, once {@code principal} (its local checks and Microsoft
     * Entra token steps already on {@code ladder}) got {@code accessToken}: the same requests and judgements as a
     * token's, sent with {@code Authorization: Bearer}. {@code principal} says how the identity is named and which
     * answers are a principal's own (TF401444, Stakeholder access).
     */
    CheckResult checkWithBearer(CheckInput input, String accessToken, BearerPrincipal principal, CheckLadder ladder,
            AzureDevOpsHttp.Connections connections, Cancellation cancellation) {
        return new Run(input, cancellation, connections, ladder, principal).probe(accessToken);
    }

    private final class Run {
        private final CheckInput input;
        private final Cancellation cancellation;
        private final String org;
        private final Instant startedAt = clock.instant();
        private final long start = System.nanoTime();
        private final CheckLadder ladder;
        private final String session = UUID.randomUUID().toString();
        private @Nullable String identity;
        private @Nullable Integer projectCount;
        private @Nullable Integer repositoryCount;
        private final AzureDevOpsHttp.Connections connections;
        private final Repositories seen = new Repositories();
        private final List<CheckCategory> warnings = new ArrayList<>();
        private final List<Call> calls = new CopyOnWriteArrayList<>();
        /** The egress proxy, when the base URL's host is reached through it (decision 0018); else null. */
        private final @Nullable OutboundProxy proxy = http.outbound().usedFor(http.baseUrl().host()) ? http.outbound()
                : null;
        /** The service principal a bearer test is for; null for a personal access token. */
        private final @Nullable BearerPrincipal principal;

        Run(CheckInput input, Cancellation cancellation, AzureDevOpsHttp.Connections connections, CheckLadder ladder,
                @Nullable BearerPrincipal principal) {
            this.input = input;
            this.cancellation = cancellation;
            this.connections = connections;
            this.principal = principal;
            this.ladder = ladder;
            this.org = input.organization() == null ? "" : input.organization().strip();
        }

        CheckResult run() {
            String token = typed(input.token());
            PatSteps.Local local = PatSteps.local(org, token);
            ladder.add(local.step());
            if (local.failure() != null) {
                return done(local.failure(), null);
            }
            return probe(token);
        }

        /** Everything after the local checks: the requests, sent with {@code token}. */
        CheckResult probe(String token) {

            AzureDevOpsUrls urls = new AzureDevOpsUrls(http.baseUrl());
            var organization = send(call(urls.organizationLookup(org), null), ReadMode.SMALL, null);
            HttpUrl projectsUrl = urls.projects(org);
            Call projectsCall = call(projectsUrl, token);
            var projects = send(projectsCall, ReadMode.LISTING, null);
            var who = send(call(urls.connectionData(org), token), ReadMode.SMALL, null);
            var repos = send(call(urls.repositories(org), token), ReadMode.LISTING, seen::add);
            List<CompletableFuture<Exchange>> pending = List.of(organization, projects, who, repos);

            Exchange projectsDone = projects.join();
            CheckCategory transport = projectsDone.error() == null ? null
                    : TransportFailures.classify(projectsDone.error(), cancellation.isCancelled());
            CheckCategory network = networkSteps(projectsUrl, projectsCall, projectsDone, transport);
            CheckCategory decided = network != null ? network
                    : authentication(projectsDone, transport, organization, who);
            if (decided != null) {
                pending.forEach(f -> f.cancel(true));
                cancelCalls();
                return done(decided, projectsDone);
            }
            var counted = ProjectPages.count(projectsDone.response(), ProjectPages.MAX_PAGES,
                    next -> send(call(urls.projects(org, next), token), ReadMode.LISTING, null));
            ladder.add(PatSteps.organization(organization.join(), org, true));
            ProjectPages.Count count = counted.join();
            projectCount = count.complete() ? count.seen() : null;
            ladder.add(PatSteps.projects(org, count, projectsDone.response()));

            PatSteps.Identity answer = PatSteps.identity(who.join(), org);
            ladder.add(answer.step());
            identity = answer.name() == null || principal == null ? answer.name()
                    : answer.name() + " (service principal)";
            if (answer.failure() != null) {
                cancelCalls();
                return done(answer.failure(), who.join());
            }
            if (identity == null) {
                warnings.add(CheckCategory.IDENTITY_UNKNOWN);
            }
            Repositories.Repo probeRepo = codeReadStep(repos.join());
            if (warnings.stream().anyMatch(w -> w.outcome() == CheckOutcome.FAILED)) {
                return done(PatSteps.mostImportant(warnings), repos.join());
            }
            codeWriteStep(urls, probeRepo, token);
            if (projectCount != null && projectCount == 0 && repositoryCount != null && repositoryCount == 0) {
                warnings.add(CheckCategory.NO_VISIBLE_PROJECTS);
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            CheckCategory endingSoon = principal == null ? CheckCategory.TOKEN_EXPIRING_SOON
                    : CheckCategory.PRINCIPAL_SECRET_EXPIRING_SOON;
            (principal == null ? PatSteps.expiry(input.tokenExpiresOn(), today) : PrincipalSteps.expiry(principal,
                    today)).ifPresent(expiry -> {
                        ladder.add(expiry.step());
                        if (expiry.soon()) {
                            warnings.add(endingSoon);
                        }
                    });
            if (PatSteps.sawRetryAfter(projectsDone, who.join(), repos.join())) {
                warnings.add(CheckCategory.NEAR_RATE_LIMIT);
            }
            return done(warnings.isEmpty() ? CheckCategory.CONNECTED : PatSteps.mostImportant(warnings), null);
        }

        /**
         * The DNS, TCP (proxy) and TLS steps of the projects request's connection. Returns the deciding category when
         * one of them failed (the connection was never made), else null; a certificate expiring soon is a warning.
         */
        private @Nullable CheckCategory networkSteps(HttpUrl url, Call call, Exchange e,
                @Nullable CheckCategory transport) {
            ConnectionEvents.Observed observed = connections.observed(call);
            if (observed == null) {
                return null;
            }
            NetworkSteps.Outcome network = NetworkSteps.of(url, e, observed, transport, org, clock.instant(), proxy);
            ladder.addAll(network.steps());
            if (network.expiringSoon()) {
                warnings.add(CheckCategory.CERTIFICATE_EXPIRING_SOON);
            }
            return !network.failed() ? null : network.category() != null ? network.category() : transport;
        }

        /**
         * Decides authentication from the projects answer ({@link Authentication}). Returns the failure category, with
         * the organization and authentication steps added, or null when the token works here (the steps follow once
         * the projects are counted).
         */
        private @Nullable CheckCategory authentication(Exchange e, @Nullable CheckCategory transport,
                CompletableFuture<Exchange> organization, CompletableFuture<Exchange> who) {
            Authentication.Failure failure = Authentication.failure(e, transport, organization, who, org,
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (failure == null) {
                return null;
            }
            identity = failure.identity();
            ladder.add(failure.organization());
            ladder.add(failure.step());
            return failure.category();
        }

        /** Returns a repository to probe for write access, or null. */
        private Repositories.@Nullable Repo codeReadStep(Exchange e) {
            if (e.error() != null) {
                CheckCategory category = TransportFailures.classify(e.error(), cancellation.isCancelled());
                ladder.add(PatSteps.failedTransport(STEP_CODE_READ, e, category, org));
                warnings.add(category);
                return null;
            }
            AdoResponse r = e.response();
            Classification c = ResponseClassifier.classify(Probe.REPOSITORIES, r);
            if (!c.passed()) {
                boolean scope = c.category() == CheckCategory.CODE_READ_MISSING;
                ladder.add(new CheckStep(STEP_CODE_READ, scope ? StepStatus.WARNING : StepStatus.FAILED,
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
            String summary = PatSteps.codeRead(repositoryCount, seen.projectCount(), complete, seen.count());
            ladder.add(new CheckStep(STEP_CODE_READ, StepStatus.PASSED, summary, r.durationMillis(), r.details()));
            return seen.probe();
        }

        private void codeWriteStep(AzureDevOpsUrls urls, Repositories.@Nullable Repo repo, String token) {
            if (repo == null) {
                ladder.add(CheckStep.skipped(STEP_CODE_WRITE, "No repository to probe, so write access is unknown."));
                return;
            }
            String project = repo.project();
            String name = repo.name();
            // Only the status and content type matter: the advertisement's size grows with the repository's refs.
            Exchange e = send(call(urls.receivePack(org, project, name), token), ReadMode.HEAD, null).join();
            if (e.error() != null) {
                ladder.add(new CheckStep(STEP_CODE_WRITE, StepStatus.WARNING, "Could not probe write access: "
                        + TransportFailures.describe(e.error()), e.durationMillis(), null));
                return;
            }
            ladder.add(PatSteps.codeWrite(e.response(), project + "/" + name, org, warnings));
        }

        private Call call(HttpUrl url, @Nullable String token) {
            Call call = connections.newGet(url, token, session);
            calls.add(call);
            cancellation.onCancel(call::cancel);
            return call;
        }

        private CompletableFuture<Exchange> send(Call call, ReadMode mode, @Nullable Consumer<JsonNode> entries) {
            return http.send(call, mode, entries);
        }

        private void cancelCalls() {
            calls.forEach(Call::cancel);
        }

        private CheckResult done(CheckCategory category, @Nullable Exchange decisive) {
            HttpDetails details = null;
            if (decisive != null) {
                details = decisive.response() != null ? decisive.response().details() : PatSteps.transportDetails(decisive);
            }
            if (cancellation.isCancelled()) {
                category = CheckCategory.CANCELLED;
            }
            if (category.outcome() == CheckOutcome.FAILED) {
                ladder.notReachedAfterLast();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CheckResult(category, org, identity, projectCount, repositoryCount, ladder.steps(),
                    category.outcome() == CheckOutcome.FAILED ? details : null, startedAt, millis,
                    input.fingerprint());
        }
    }
}
