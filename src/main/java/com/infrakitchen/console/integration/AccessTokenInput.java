package com.infrakitchen.console.integration;

import com.infrakitchen.console.secret.Secret;
import java.time.LocalDate;

/**
 * A personal access token as typed, and the expiry date the user entered for it (Azure DevOps does not tell a token
 * its own expiry); {@code expiresOn} may be null.
 */
public record AccessTokenInput(Secret token, LocalDate expiresOn) implements CredentialInput {

    @Override
    public AuthMethod method() {
        return AuthMethod.PAT;
    }

    @Override
    public void wipe() {
        if (token != null) {
            token.wipe();
        }
    }
}
