package com.infrakitchen.console.integration.credential;

import com.infrakitchen.console.secret.Secret;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token as typed, and the expiry date the user entered for it (Azure DevOps does not tell a token
 * its own expiry); {@code expiresOn} may be null.
 */
public record AccessTokenInput(@Nullable Secret token, @Nullable LocalDate expiresOn) implements CredentialInput {

    @Override
    public AuthMethod method() {
        return AuthMethod.PAT;
    }

    @Override
    public CredentialSettings.TokenSettings settings() {
        return new CredentialSettings.TokenSettings(expiresOn);
    }

    /** Itself: the expiry a test reads is the stored one until it is saved. */
    @Override
    public AccessTokenInput withTestedSettings(CredentialSettings settings) {
        return this;
    }

    @Override
    public List<Secret> secrets() {
        return token == null ? List.of() : List.of(token);
    }

    @Override
    public void wipe() {
        if (token != null) {
            token.wipe();
        }
    }
}
