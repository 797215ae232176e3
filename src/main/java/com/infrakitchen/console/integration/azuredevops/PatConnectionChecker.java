package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.ConnectionChecker;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Azure DevOps' checker of personal access tokens as {@code CheckService} finds it: {@link AzureDevOpsChecker}. */
@Component
class PatConnectionChecker implements ConnectionChecker<AccessTokenInput> {

    private final AzureDevOpsChecker checker;

    PatConnectionChecker(AzureDevOpsChecker checker) {
        this.checker = checker;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<AccessTokenInput> credentialType() {
        return AccessTokenInput.class;
    }

    /** Its first local checks (the organization name, the token's format) refuse these: then nothing is sent. */
    @Override
    public boolean failsLocally(@Nullable String organization, AccessTokenInput credential) {
        String org = organization == null ? "" : organization.strip();
        return PatSteps.local(org, AzureDevOpsChecker.typed(credential.token())).failure() != null;
    }

    @Override
    public CheckResult check(String organization, AccessTokenInput credential, String fingerprint,
            Cancellation cancellation) {
        return checker.check(new CheckInput(organization, credential.token(), credential.expiresOn(), fingerprint),
                cancellation);
    }
}
