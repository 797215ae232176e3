package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsProvider;
import com.infrakitchen.console.integration.azuredevops.AzureDevOpsRules;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.ConnectionChecker;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Azure DevOps' checker of SSH keys as {@code CheckService} finds it: {@link SshChecker}. */
@Component
class SshConnectionChecker implements ConnectionChecker<SshKeyInput> {

    private final SshChecker checker;

    SshConnectionChecker(SshChecker checker) {
        this.checker = checker;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<SshKeyInput> credentialType() {
        return SshKeyInput.class;
    }

    /** Its first local check, the organization name (the key is parsed within the limits: it can take a while). */
    @Override
    public boolean failsLocally(@Nullable String organization, SshKeyInput credential) {
        return AzureDevOpsRules.organizationProblem(organization == null ? "" : organization.strip()).isPresent();
    }

    @Override
    public CheckResult check(String organization, SshKeyInput credential, String fingerprint,
            Cancellation cancellation) {
        return checker.check(SshCheckInput.withTestRepository(organization, credential.testRepository(),
                credential.privateKey(), credential.passphrase(), fingerprint), cancellation);
    }
}
