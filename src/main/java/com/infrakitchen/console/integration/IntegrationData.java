package com.infrakitchen.console.integration;

import java.time.LocalDate;
import java.util.List;

/**
 * The non-secret fields of the setup form and the Overview tab: what the Binder edits, what the service
 * validates and stores, and (with the secret input) what Test Connection receives. Limits and patterns
 * live in {@link IntegrationRules}.
 */
public record IntegrationData(String name, String description, List<String> labels, String organization,
        LocalDate tokenExpiresOn) {

    public IntegrationData {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static IntegrationData empty() {
        return new IntegrationData("", "", List.of(), "", null);
    }
}
