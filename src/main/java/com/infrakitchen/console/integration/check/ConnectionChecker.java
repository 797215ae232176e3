package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.credential.CredentialInput;

/**
 * Runs one connection test of one kind of credential for one provider, and says what it found; blocking, called off
 * the UI thread by {@link CheckService}, which picks the checker by the integration's provider and the credential's
 * kind. A further kind (a service principal) or provider is a further implementation; nothing here changes.
 *
 * @param <C> the kind of credential it tests
 */
public interface ConnectionChecker<C extends CredentialInput> {

    /** The provider it checks for ({@code provider.IntegrationProvider#id()}). */
    String provider();

    /** The kind of credential it tests. */
    Class<C> credentialType();

    /**
     * Whether its own local checks (organization name, token format...) refuse these values: then it sends nothing,
     * so the test runs at once, outside the limits, and does not count against them.
     */
    boolean failsLocally(String organization, C credential);

    /**
     * Tests {@code credential} against {@code organization}. It must not keep the secrets after it returns (the
     * caller wipes them); {@code fingerprint} is passed through to the result unchanged.
     */
    CheckResult check(String organization, C credential, String fingerprint, Cancellation cancellation);
}
