package com.infrakitchen.console.integration.credential;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of a stored credential: whether a secret is set and since when, its settings, and what is
 * public by nature (an SSH key's public half and fingerprints). Never the secret.
 */
public sealed interface CredentialFacts permits TokenFacts, SshKeyFacts, ServicePrincipalFacts {

    AuthMethod method();

    /** Whether a secret is stored (a token can be cleared). */
    boolean configured();

    /** When the secret was set; null when none is. */
    @Nullable Instant setAt();

    /**
     * When the credential expires at the provider, as far as the console knows: the date entered for a token, a
     * year after the day an SSH key was added; null when unknown.
     */
    @Nullable LocalDate expiresOn();

    /** Its settings as stored, for a form to show and send back unchanged. */
    CredentialSettings settings();
}
