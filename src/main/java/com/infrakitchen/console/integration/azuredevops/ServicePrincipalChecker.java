package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.ConnectionChecker;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Azure DevOps' checker of Microsoft Entra service principals (docs/product.md 4.1, decision 0019), as
 * {@code CheckService} finds it: the local checks, the "Microsoft Entra token" step ({@link EntraTokens}), then the
 * token check's Azure DevOps steps sent with {@code Authorization: Bearer} ({@link AzureDevOpsChecker}). A test
 * always asks Entra afresh (whether Entra still accepts the secret is what it proves) and leaves the token it got in
 * {@link EntraTokenCache} for the Repositories tab.
 */
@Component
class ServicePrincipalChecker implements ConnectionChecker<ServicePrincipalInput> {

    private final AzureDevOpsChecker checker;
    private final AzureDevOpsHttp http;
    private final EntraTokens entra;
    private final EntraTokenCache cache;
    private final AzureDevOpsProvider provider;
    private final Clock clock;

    ServicePrincipalChecker(AzureDevOpsChecker checker, AzureDevOpsHttp http, EntraTokens entra,
            EntraTokenCache cache, AzureDevOpsProvider provider, Clock clock) {
        this.checker = checker;
        this.http = http;
        this.entra = entra;
        this.cache = cache;
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<ServicePrincipalInput> credentialType() {
        return ServicePrincipalInput.class;
    }

    @Override
    public boolean failsLocally(@Nullable String organization, ServicePrincipalInput credential) {
        String org = organization == null ? "" : organization.strip();
        return PrincipalSteps.local(org, credential, provider.principalProofs()).failure() != null;
    }

    @Override
    public CheckResult check(String organization, ServicePrincipalInput principal, String fingerprint,
            Cancellation cancellation) {
        long start = System.nanoTime();
        Instant startedAt = clock.instant();
        String org = organization == null ? "" : organization.strip();
        CheckLadder ladder = checker.principalLadder(cancellation);
        try (AzureDevOpsHttp.Connections connections = http.connections(true, AzureDevOpsHttp.Scheme.BEARER)) {
            PatSteps.Local local = PrincipalSteps.local(org, principal, provider.principalProofs());
            ladder.add(local.step());
            if (local.failure() != null) {
                return failed(local.failure(), org, ladder, startedAt, start, fingerprint, cancellation);
            }
            EntraTokens.Answer answer = entra.request(principal, connections, cancellation);
            ladder.add(answer.step());
            if (answer.failure() != null || answer.accessToken() == null) {
                CheckCategory category = answer.failure() == null ? CheckCategory.ENTRA_REFUSED : answer.failure();
                return failed(category, org, ladder, startedAt, start, fingerprint, cancellation,
                        answer.step().http());
            }
            Secret token = answer.accessToken();
            try {
                cache.put(cache.keyOf(principal), token, answer.expiresInSeconds());
                CheckInput input = new CheckInput(org, null, null, fingerprint);
                return checker.checkWithBearer(input, token.reveal(), principalFacts(principal,
                        answer.certificateEnds()), ladder, connections, cancellation);
            } finally {
                token.wipe();
            }
        }
    }

    /** When its secret or certificate ends, as far as the console knows (the certificate says its own). */
    private static BearerPrincipal principalFacts(ServicePrincipalInput p, @Nullable LocalDate certificateEnds) {
        return switch (p.proof()) {
            case CLIENT_SECRET -> new BearerPrincipal(p.secretExpiresOn(), "client secret");
            case CERTIFICATE -> new BearerPrincipal(certificateEnds, "certificate");
            case FEDERATED -> new BearerPrincipal(null, "workload identity");
        };
    }

    private CheckResult failed(CheckCategory category, String org, CheckLadder ladder, Instant startedAt, long start,
            String fingerprint, Cancellation cancellation) {
        return failed(category, org, ladder, startedAt, start, fingerprint, cancellation, null);
    }

    private CheckResult failed(CheckCategory category, String org, CheckLadder ladder, Instant startedAt, long start,
            String fingerprint, Cancellation cancellation,
            com.infrakitchen.console.integration.check.@Nullable HttpDetails details) {
        CheckCategory shown = cancellation.isCancelled() ? CheckCategory.CANCELLED : category;
        ladder.notReachedAfterLast();
        return new CheckResult(shown, org, null, null, null, ladder.steps(), details, startedAt,
                (System.nanoTime() - start) / 1_000_000, fingerprint);
    }
}
