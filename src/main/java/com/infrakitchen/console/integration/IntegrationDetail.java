package com.infrakitchen.console.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration as the detail page shows it: every non-secret field, and for the token only whether
 * it is configured and since when. {@code version} goes back with an update (optimistic locking).
 */
public record IntegrationDetail(UUID id, IntegrationData data, AuthMethod method, boolean enabled,
        boolean tokenConfigured, Instant tokenSetAt, SshKeyFacts ssh, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy, long version) {
}
