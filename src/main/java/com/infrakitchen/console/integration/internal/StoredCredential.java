package com.infrakitchen.console.integration.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An integration's credential as stored: secrets as ciphertexts bound to the row (decision 0007), the rest in clear.
 * One record per kind, each embedded with its own columns; a further kind (a service principal) is a further record
 * here, its columns in a V7+ migration.
 */
public sealed interface StoredCredential {

    /** When the secret was set (a stored result is outdated once it changes); null when there is none. */
    @Nullable Instant setAt();

    /** Whether a secret is stored (a token may have been cleared). */
    boolean hasSecret();

    /**
     * A personal access token ({@code pat_*} columns and {@code token_expires_on}); the token itself may have been
     * cleared while its expiry date stays.
     */
    record AccessToken(@Nullable LocalDate tokenExpiresOn, byte @Nullable [] patCiphertext, @Nullable Integer patKeyId,
            @Nullable Instant patSetAt) implements StoredCredential {

        static final AccessToken NONE = new AccessToken(null, null, null, null);

        @Override
        public @Nullable Instant setAt() {
            return patSetAt;
        }

        @Override
        public boolean hasSecret() {
            return patCiphertext != null;
        }

        boolean isEmpty() {
            return tokenExpiresOn == null && patCiphertext == null && patKeyId == null && patSetAt == null;
        }

        public AccessToken withExpiry(@Nullable LocalDate expiresOn) {
            return new AccessToken(expiresOn, patCiphertext, patKeyId, patSetAt);
        }

        @Override
        public String toString() {
            return "AccessToken[" + (patCiphertext == null ? "none" : "configured") + ", expires=" + tokenExpiresOn
                    + "]";
        }
    }

    /**
     * An SSH key ({@code ssh_*} columns): the private key and passphrase as ciphertexts, the public half and its
     * fingerprints in clear (they are public), the repository a check asks for, and the day the public key was
     * added to the provider ({@code ssh_key_added_on}, V11; null when unknown).
     */
    record SshKey(byte @Nullable [] keyCiphertext, @Nullable Integer keyKeyId, byte @Nullable [] passphraseCiphertext,
            @Nullable Instant setAt, @Nullable String publicKey, @Nullable String fingerprintSha256,
            @Nullable String fingerprintMd5, @Nullable String keyDescription, @Nullable Boolean generated,
            @Nullable String testRepository, @Nullable LocalDate keyAddedOn) implements StoredCredential {

        static final SshKey NONE = new SshKey(null, null, null, null, null, null, null, null, null, null, null);

        @Override
        public boolean hasSecret() {
            return keyCiphertext != null;
        }

        boolean isEmpty() {
            return keyCiphertext == null && testRepository == null && publicKey == null;
        }

        /** The same key with these settings (its repository, the day it was added). */
        public SshKey withSettings(String repository, @Nullable LocalDate addedOn) {
            return new SshKey(keyCiphertext, keyKeyId, passphraseCiphertext, setAt, publicKey, fingerprintSha256,
                    fingerprintMd5, keyDescription, generated, repository, addedOn);
        }

        @Override
        public String toString() {
            return "SshKey[" + keyDescription + ", " + fingerprintSha256 + ", repository=" + testRepository
                    + ", addedOn=" + keyAddedOn + "]";
        }
    }
}
