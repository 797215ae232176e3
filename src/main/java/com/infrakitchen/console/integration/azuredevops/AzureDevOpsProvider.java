package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureKeyPolicy;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ssh.KeyPolicy;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Azure DevOps as a provider (decision 0013): a personal access token over HTTPS or an RSA key over SSH, with the
 * rules of {@link AzureDevOpsRules} and {@link AzureKeyPolicy}. Its checkers are {@link AzureDevOpsChecker} and
 * {@code ssh.SshChecker}; its how-to panels are in {@code azuredevops.ui}.
 */
@Component
public class AzureDevOpsProvider implements IntegrationProvider {

    public static final String ID = "azure_devops";

    /**
     * The diagnosis categories that are Azure DevOps' own answers or rules (docs/azure-devops.md 5): stored as
     * {@code azure_devops:NAME}. Transport failures (DNS, TCP, TLS, time-outs, SSH host keys and algorithms) and
     * the test's own categories (cancelled, too many tests, unreadable secret) are generic.
     */
    static final Set<String> CATEGORIES = Set.of("NO_VISIBLE_PROJECTS", "CODE_READ_MISSING", "CODE_WRITE_MISSING",
            "CODE_WRITE_NOT_PERMITTED", "TOKEN_EXPIRING_SOON", "IDENTITY_UNKNOWN", "NEAR_RATE_LIMIT",
            "INVALID_ORGANIZATION_NAME", "INVALID_TOKEN_FORMAT", "ORGANIZATION_NOT_FOUND", "NO_CREDENTIALS",
            "TOKEN_REJECTED", "SIGN_IN_PAGE", "TOKEN_EXPIRED", "NOT_A_MEMBER", "GLOBAL_TOKEN_BLOCKED",
            "CONDITIONAL_ACCESS_BLOCKED", "FORBIDDEN", "PROJECT_SCOPE_MISSING", "PROJECT_NOT_FOUND",
            "REPOSITORY_NOT_FOUND", "RATE_LIMITED", "API_VERSION_MISMATCH", "SERVICE_ERROR", "SERVICE_UNAVAILABLE",
            "UNEXPECTED_REDIRECT", "UNEXPECTED_RESPONSE", "SSH_UNSUPPORTED_KEY_TYPE", "SSH_NO_REPOSITORY",
            "SSH_AUTH_FAILED", "SSH_KEY_NOT_REGISTERED", "SSH_REPOSITORY_NOT_FOUND", "SSH_UNEXPECTED_RESPONSE",
            "PRINCIPAL_SECRET_EXPIRING_SOON", "INVALID_TENANT", "INVALID_CLIENT_ID", "NO_CLIENT_CREDENTIAL",
            "INVALID_CLIENT_CREDENTIAL", "FEDERATION_UNAVAILABLE", "ENTRA_SECRET_INVALID", "ENTRA_SECRET_EXPIRED",
            "ENTRA_APPLICATION_NOT_FOUND", "ENTRA_TENANT_NOT_FOUND", "ENTRA_CERTIFICATE_REJECTED",
            "ENTRA_FEDERATION_REJECTED", "ENTRA_REFUSED", "ENTRA_UNAVAILABLE", "ENTRA_UNREACHABLE",
            "PRINCIPAL_NOT_ADDED", "PROJECT_ACCESS_DENIED", "STAKEHOLDER_ACCESS");

    private final EntraProperties entra;

    public AzureDevOpsProvider(EntraProperties entra) {
        this.entra = entra;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Azure DevOps";
    }

    @Override
    public List<AuthMethod> methods() {
        return List.of(AuthMethod.PAT, AuthMethod.SSH, AuthMethod.SERVICE_PRINCIPAL);
    }

    /** A client secret and a certificate; workload identity too where the administrator set up its token file. */
    @Override
    public List<PrincipalProof> principalProofs() {
        return entra.federatedTokenFile() == null ? List.of(PrincipalProof.CLIENT_SECRET, PrincipalProof.CERTIFICATE)
                : List.of(PrincipalProof.CLIENT_SECRET, PrincipalProof.CERTIFICATE, PrincipalProof.FEDERATED);
    }

    @Override
    public String organizationLabel() {
        return "Azure Organization";
    }

    @Override
    public int organizationMaxLength() {
        return AzureDevOpsRules.ORGANIZATION_MAX;
    }

    @Override
    public String organizationFrom(String typed) {
        return AzureDevOpsRules.organizationFrom(typed);
    }

    @Override
    public Optional<String> organizationProblem(String organization) {
        return AzureDevOpsRules.organizationProblem(organization);
    }

    @Override
    public int tokenMaxLength() {
        return AzureDevOpsRules.TOKEN_MAX;
    }

    @Override
    public Optional<String> tokenProblem(String token) {
        return AzureDevOpsRules.tokenProblem(token);
    }

    @Override
    public Optional<String> tokenWarning(String token) {
        return AzureDevOpsRules.tokenWarning(token);
    }

    @Override
    public KeyPolicy keyPolicy() {
        return AzureKeyPolicy.INSTANCE;
    }

    @Override
    public int testRepositoryMaxLength() {
        return AzureDevOpsRules.TEST_REPOSITORY_MAX;
    }

    @Override
    public Optional<String> testRepositoryProblem(String testRepository) {
        return AzureDevOpsRules.testRepositoryProblem(testRepository);
    }

    @Override
    public Set<String> categories() {
        return CATEGORIES;
    }
}
