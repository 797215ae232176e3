package com.infrakitchen.console.integration;

/** How an integration authenticates to Azure DevOps. */
public enum AuthMethod {
    PAT("PAT"),
    SSH("SSH");

    private final String label;

    AuthMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
