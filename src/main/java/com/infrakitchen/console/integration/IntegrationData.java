package com.infrakitchen.console.integration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the setup form and the Overview tab that every integration has, whatever its provider and
 * credential: what the Binder edits, what the service validates and stores, and (with the credential) what Test
 * Connection receives. Limits and patterns live in {@link IntegrationRules} and the provider.
 */
public record IntegrationData(String name, @Nullable String description, List<String> labels, String organization) {

    public IntegrationData {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static IntegrationData empty() {
        return new IntegrationData("", "", List.of(), "");
    }
}
