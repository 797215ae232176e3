package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.EntraIds;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a service principal's test words what it found before Azure DevOps is asked (decision 0019): the local checks
 * (organization, tenant, client id, its proof) and the note on a secret or certificate ending soon. Pure functions.
 */
final class PrincipalSteps {

    private PrincipalSteps() {
    }

    /**
     * The local checks, before anything is sent; {@code proofs} are those the console accepts (workload identity only
     * where its token file is set).
     */
    static PatSteps.Local local(String org, ServicePrincipalInput p, List<PrincipalProof> proofs) {
        Optional<String> orgProblem = AzureDevOpsRules.organizationProblem(org);
        if (orgProblem.isPresent()) {
            return failed(orgProblem.get(), CheckCategory.INVALID_ORGANIZATION_NAME);
        }
        Optional<String> tenant = EntraIds.tenantProblem(EntraIds.tenantFrom(p.tenantId()));
        if (tenant.isPresent()) {
            return failed(tenant.get(), CheckCategory.INVALID_TENANT);
        }
        Optional<String> client = EntraIds.clientIdProblem(EntraIds.clientIdFrom(p.clientId()));
        if (client.isPresent()) {
            return failed(client.get(), CheckCategory.INVALID_CLIENT_ID);
        }
        if (!proofs.contains(p.proof())) {
            return failed("Workload identity federation is not set up on this console (app.entra."
                    + "federated-token-file).", CheckCategory.FEDERATION_UNAVAILABLE);
        }
        switch (p.proof()) {
            case CLIENT_SECRET -> {
                String secret = p.clientSecret() == null ? "" : p.clientSecret().reveal().strip();
                if (secret.isEmpty()) {
                    return failed("No client secret was given.", CheckCategory.NO_CLIENT_CREDENTIAL);
                }
                Optional<String> problem = EntraIds.clientSecretProblem(secret);
                if (problem.isPresent()) {
                    return failed(problem.get(), CheckCategory.INVALID_CLIENT_CREDENTIAL);
                }
            }
            case CERTIFICATE -> {
                if (p.certificate() == null || p.certificate().length() == 0) {
                    return failed("No certificate was given.", CheckCategory.NO_CLIENT_CREDENTIAL);
                }
            }
            case FEDERATED -> {
                // the token file is read when the token is asked for
            }
        }
        return new PatSteps.Local(new CheckStep(AzureDevOpsChecker.STEP_LOCAL, StepStatus.PASSED, "Organization name,"
                + " tenant and client id are valid; signing in with " + p.proof().label()
                .toLowerCase(java.util.Locale.ROOT) + ".", 0, null), null);
    }

    private static PatSteps.Local failed(String why, CheckCategory category) {
        return new PatSteps.Local(new CheckStep(AzureDevOpsChecker.STEP_LOCAL, StepStatus.FAILED, why, 0, null),
                category);
    }

    /**
     * The secret's (entered) or certificate's end within {@value CredentialExpiry#WARNING_DAYS} days, or past (the
     * shared levels); empty otherwise.
     */
    static Optional<PatSteps.Expiry> expiry(BearerPrincipal principal, LocalDate today) {
        @Nullable LocalDate ends = principal.secretExpiresOn();
        if (ends == null || !CredentialExpiry.level(ends, today).warns()) {
            return Optional.empty();
        }
        long days = CredentialExpiry.daysLeft(ends, today);
        String what = principal.expiryWhat();
        return Optional.of(new PatSteps.Expiry(new CheckStep(AzureDevOpsChecker.STEP_SECRET_EXPIRY,
                StepStatus.WARNING, days < 0
                        ? "The " + what + "'s expiry date (" + ends + ") has passed, yet Microsoft Entra accepted it:"
                                + " correct the date."
                        : "The " + what + " ends on " + ends + " (" + CredentialExpiry.countdown(ends, today) + ").",
                0, null), days >= 0));
    }
}
