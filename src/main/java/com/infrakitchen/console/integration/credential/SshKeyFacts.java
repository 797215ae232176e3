package com.infrakitchen.console.integration.credential;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of an integration's SSH key: its kind, the public key line and fingerprints (public by
 * nature), whether it was generated here, when it was set, the repository the check asks for and the day the
 * public key was added to the provider (null when unknown). Never the private key or passphrase.
 */
public record SshKeyFacts(@Nullable String keyDescription, @Nullable String fingerprintSha256,
        @Nullable String fingerprintMd5, @Nullable String publicKey, boolean generated, boolean passphraseSet,
        @Nullable Instant setAt, @Nullable String testRepository, @Nullable LocalDate keyAddedOn)
        implements CredentialFacts {

    /** When the provider expires the public key (a year after it was added); null when that day is unknown. */
    @Override
    public @Nullable LocalDate expiresOn() {
        return CredentialExpiry.sshKeyExpiresOn(keyAddedOn);
    }

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
        return new CredentialSettings.SshKeySettings(testRepository, keyAddedOn);
    }
}
