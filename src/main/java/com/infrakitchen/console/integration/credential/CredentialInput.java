package com.infrakitchen.console.integration.credential;

import com.infrakitchen.console.secret.Secret;
import java.util.List;

/**
 * A credential as a form holds it before anything is stored: the secret typed, pasted or generated, with the
 * settings that belong to it. One kind per way of connecting; a switch over this sealed type is where the kinds
 * differ. Whoever receives one wipes it when done.
 */
public sealed interface CredentialInput permits AccessTokenInput, SshKeyInput, ServicePrincipalInput {

    /** The way of connecting this credential is for. */
    AuthMethod method();

    /** Its settings (what can change while the secret is kept). */
    CredentialSettings settings();

    /** The secrets it holds, in a fixed order (for the fingerprint that binds a result to them); nulls left out. */
    List<Secret> secrets();

    /**
     * The secrets that travel to the provider (a token) or whose text could come back in an answer: what the
     * diagnosis scrubs from what a server says. Not an SSH key's passphrase, which never leaves the console:
     * scrubbing it would only cut its letters out of ordinary words and tell a reader what it is.
     */
    default List<Secret> transmittedSecrets() {
        return secrets();
    }

    /**
     * The same secret with the settings a test depends on taken from {@code settings} (another test repository);
     * itself when they are of another kind or change nothing a test uses.
     */
    CredentialInput withTestedSettings(CredentialSettings settings);

    /** Overwrites the secrets it holds. */
    void wipe();
}
