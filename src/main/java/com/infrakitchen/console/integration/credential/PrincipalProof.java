package com.infrakitchen.console.integration.credential;

/**
 * How a service principal proves who it is to Microsoft Entra: a client secret, a certificate whose private key signs
 * a client assertion, or a token of the platform it runs on (workload identity federation: Kubernetes' projected
 * service-account token, named by the administrator in {@code app.entra.federated-token-file}; nothing is stored).
 */
public enum PrincipalProof {
    CLIENT_SECRET("Client secret"),
    CERTIFICATE("Certificate"),
    FEDERATED("Workload identity");

    private final String label;

    PrincipalProof(String label) {
        this.label = label;
    }

    /** How the form and the detail page name it. */
    public String label() {
        return label;
    }
}
