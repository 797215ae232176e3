package com.infrakitchen.console.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One grid row. No secret, only whether one is configured. */
public record IntegrationSummary(UUID id, String name, String description, AuthMethod method,
        String organization, List<String> labels, boolean enabled, LocalDate tokenExpiresOn, boolean tokenConfigured,
        Instant updatedAt, String updatedBy, long version) {
}
