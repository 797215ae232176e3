package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.secret.Secret;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a token test tests: the organization and token exactly as the form holds them (unsaved), or as stored.
 * The checker must not keep the token after it returns; the caller wipes it.
 */
public record CheckInput(@Nullable String organization, @Nullable Secret token, @Nullable LocalDate tokenExpiresOn,
        String fingerprint) {
}
