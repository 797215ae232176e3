package com.infrakitchen.console.integration.credential;

import java.time.Instant;

/**
 * What may be shown of an integration's SSH key: its kind, the public key line and fingerprints (public by
 * nature), whether it was generated here, when it was set and the repository the check asks for. Never the
 * private key or passphrase.
 */
public record SshKeyFacts(String keyDescription, String fingerprintSha256, String fingerprintMd5, String publicKey,
        boolean generated, boolean passphraseSet, Instant setAt, String testRepository) implements CredentialFacts {

    @Override
    public AuthMethod method() {
        return AuthMethod.SSH;
    }

    @Override
    public boolean configured() {
        return fingerprintSha256 != null;
    }

    @Override
    public CredentialSettings.SshKeySettings settings() {
        return new CredentialSettings.SshKeySettings(testRepository);
    }
}
