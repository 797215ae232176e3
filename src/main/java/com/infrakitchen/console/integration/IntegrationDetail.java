package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An integration as the detail page shows it: every non-secret field, its provider, and of its credential only what
 * may be shown ({@link CredentialFacts}). {@code version} goes back with an update (optimistic locking).
 */
public record IntegrationDetail(UUID id, IntegrationData data, String provider, CredentialFacts credential,
        boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    public AuthMethod method() {
        return credential.method();
    }

    /** Whether a secret is stored. */
    public boolean credentialConfigured() {
        return credential.configured();
    }

    /** When the stored secret was set; null when none is. */
    public @Nullable Instant credentialSetAt() {
        return credential.setAt();
    }
}
