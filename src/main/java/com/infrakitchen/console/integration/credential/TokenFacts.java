package com.infrakitchen.console.integration.credential;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What may be shown of a stored personal access token: whether one is set, since when, and the expiry entered. */
public record TokenFacts(boolean configured, @Nullable Instant setAt, @Nullable LocalDate expiresOn)
        implements CredentialFacts {

    @Override
    public AuthMethod method() {
        return AuthMethod.PAT;
    }

    @Override
    public CredentialSettings.TokenSettings settings() {
        return new CredentialSettings.TokenSettings(expiresOn);
    }
}
