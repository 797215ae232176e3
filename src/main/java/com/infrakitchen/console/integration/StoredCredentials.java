package com.infrakitchen.console.integration;

import com.infrakitchen.console.secret.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a connection test of a saved integration needs. {@code token} is decrypted: keep it in the smallest
 * scope and wipe it; {@link Secret#toString()} never shows it.
 */
public record StoredCredentials(UUID id, String name, String organization, Secret token, Instant tokenSetAt,
        LocalDate tokenExpiresOn) {
}
