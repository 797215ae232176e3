package com.infrakitchen.console.integration.azuredevops.ui;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsProvider;
import com.infrakitchen.console.integration.azuredevops.ssh.TrustedHostKeys;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.ui.ProviderPanels;
import com.vaadin.flow.component.Component;

/** Azure DevOps' panels: how to make a token or an SSH key for it, with the SSH host keys the check trusts. */
@org.springframework.stereotype.Component
class AzureDevOpsPanels implements ProviderPanels {

    private final TrustedHostKeys hostKeys;

    AzureDevOpsPanels(TrustedHostKeys hostKeys) {
        this.hostKeys = hostKeys;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Component howToConnect(AuthMethod method) {
        return switch (method) {
            case PAT -> new HowToConnectPanel();
            case SSH -> new HowToConnectSshPanel(hostKeys.current());
            case SERVICE_PRINCIPAL -> new HowToConnectPrincipalPanel();
        };
    }

    @Override
    public String notTestedHint(AuthMethod method) {
        return switch (method) {
            case PAT -> "Test Connection checks the organization and token against Azure DevOps before you save.";
            case SSH -> "Test Connection asks Azure DevOps for the test repository with this key before you save.";
            case SERVICE_PRINCIPAL -> "Test Connection gets a Microsoft Entra token for the service principal and"
                    + " checks it against Azure DevOps before you save.";
        };
    }
}
