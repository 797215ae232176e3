package com.infrakitchen.console.integration.credential;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of an integration's SSH key: its kind, the public key line and fingerprints (public by
 * nature), whether it was generated here, when it was set and the repository the check asks for. Never the
 * private key or passphrase.
 */
public record SshKeyFacts(@Nullable String keyDescription, @Nullable String fingerprintSha256,
        @Nullable String fingerprintMd5, @Nullable String publicKey, boolean generated, boolean passphraseSet,
        @Nullable Instant setAt, @Nullable String testRepository) implements CredentialFacts {

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
