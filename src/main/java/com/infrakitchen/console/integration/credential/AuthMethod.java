package com.infrakitchen.console.integration.credential;

/**
 * The kinds of credential an integration can hold, as stored in its {@code method} column and offered by the grid's
 * Method filter. Code that must treat the kinds differently switches on the sealed {@link CredentialInput} and
 * {@link CredentialSettings}, or asks the provider; not on this enum.
 */
public enum AuthMethod {
    PAT("PAT"),
    SSH("SSH"),
    /** A Microsoft Entra service principal (client secret, certificate or workload identity federation). */
    SERVICE_PRINCIPAL("Service principal");

    private final String label;

    AuthMethod(String label) {
        this.label = label;
    }

    /** How the grid and the detail page name it. */
    public String label() {
        return label;
    }
}
