package com.infrakitchen.console.integration.credential;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What belongs to a credential but is not secret, and can change while the secret is kept: a token's expiry date,
 * the repository an SSH check asks for. A further kind of credential brings its own record here.
 */
public sealed interface CredentialSettings {

    AuthMethod method();

    /**
     * What of these settings a connection test depends on, as text (for the fingerprint that binds a result to what
     * it tested): the test repository; nothing for a token (its expiry changes a warning, not the connection).
     */
    String testedText();

    /** @param expiresOn the expiry the user entered for the token (Azure DevOps does not tell); may be null */
    record TokenSettings(@Nullable LocalDate expiresOn) implements CredentialSettings {
        @Override
        public AuthMethod method() {
            return AuthMethod.PAT;
        }

        @Override
        public String testedText() {
            return "";
        }
    }

    /**
     * @param testRepository {@code project/repository}, as typed (the provider's rules judge it)
     * @param keyAddedOn     the day the public key was added to the provider ("Key added on"), which it expires
     *                       a year after (CredentialExpiry); null when unknown. Not in the future.
     */
    record SshKeySettings(@Nullable String testRepository, @Nullable LocalDate keyAddedOn)
            implements CredentialSettings {

        /** Without a Key added on date. */
        public SshKeySettings(@Nullable String testRepository) {
            this(testRepository, null);
        }

        @Override
        public AuthMethod method() {
            return AuthMethod.SSH;
        }

        @Override
        public String testedText() {
            return testRepository == null ? "" : testRepository.strip();
        }
    }

    /**
     * A service principal's settings: the tenant and application (client) id as typed (the rules of
     * {@link EntraIds} judge them), how it proves itself, and the expiry date entered for a client secret (null when
     * unknown, or for another proof). A certificate's end date is read from the certificate, not set here.
     */
    record ServicePrincipalSettings(@Nullable String tenantId, @Nullable String clientId, PrincipalProof proof,
            @Nullable LocalDate secretExpiresOn) implements CredentialSettings {

        @Override
        public AuthMethod method() {
            return AuthMethod.SERVICE_PRINCIPAL;
        }

        /** The tenant, the application and the proof: what Entra is asked about. */
        @Override
        public String testedText() {
            return EntraIds.tenantFrom(tenantId) + "/" + EntraIds.clientIdFrom(clientId) + "/" + proof;
        }
    }
}
