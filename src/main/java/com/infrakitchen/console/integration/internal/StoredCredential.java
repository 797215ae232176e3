package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.credential.PrincipalProof;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An integration's credential as stored: secrets as ciphertexts bound to the row (decision 0007), the rest in clear.
 * One record per kind, each embedded with its own columns (a service principal's since V15).
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

    /**
     * A Microsoft Entra service principal ({@code sp_*} columns, V15): its tenant and application id, how it proves
     * itself, the client secret or the certificate (certificate and private key as PEM) as ciphertexts, what is
     * public of the certificate (subject, SHA-1 thumbprint, end date), and the expiry date entered for a client
     * secret. {@code setAt} changes with the secret and with the tenant or application (what a stored check tested).
     * Its known expiry (secret or certificate) is also kept in {@code token_expires_on}, the column every expiry
     * query reads (see {@code Integration}).
     */
    record ServicePrincipal(@Nullable String tenantId, @Nullable String clientId, @Nullable String proof,
            byte @Nullable [] secretCiphertext, @Nullable Integer secretKeyId, @Nullable LocalDate secretExpiresOn,
            byte @Nullable [] certificateCiphertext, @Nullable Integer certificateKeyId,
            @Nullable String certificateSubject, @Nullable String certificateThumbprint,
            @Nullable LocalDate certificateExpiresOn, @Nullable Instant setAt) implements StoredCredential {

        static final ServicePrincipal NONE = new ServicePrincipal(null, null, null, null, null, null, null, null,
                null, null, null, null);

        /** How it proves itself; a client secret when not set. */
        public PrincipalProof principalProof() {
            return proof == null ? PrincipalProof.CLIENT_SECRET
                    : PrincipalProof.valueOf(proof);
        }

        /** A client secret or a certificate is stored, or it needs none (federation). */
        @Override
        public boolean hasSecret() {
            return switch (principalProof()) {
                case CLIENT_SECRET -> secretCiphertext != null;
                case CERTIFICATE -> certificateCiphertext != null;
                case FEDERATED -> tenantId != null;
            };
        }

        /** The date the console knows it stops working: the secret's entered expiry, or the certificate's end. */
        public @Nullable LocalDate expiresOn() {
            return switch (principalProof()) {
                case CLIENT_SECRET -> secretExpiresOn;
                case CERTIFICATE -> certificateExpiresOn;
                case FEDERATED -> null;
            };
        }

        boolean isEmpty() {
            return tenantId == null && clientId == null && secretCiphertext == null && certificateCiphertext == null;
        }

        /**
         * The same proof with these settings. A new tenant or application makes it another principal: the set-at
         * time moves to {@code now}, so a stored check of the old one shows as outdated.
         */
        public ServicePrincipal withSettings(String tenant, String client, @Nullable LocalDate secretExpires,
                Instant now) {
            boolean other = !tenant.equals(tenantId) || !client.equals(clientId);
            return new ServicePrincipal(tenant, client, proof, secretCiphertext, secretKeyId, secretExpires,
                    certificateCiphertext, certificateKeyId, certificateSubject, certificateThumbprint,
                    certificateExpiresOn, other ? now : setAt);
        }

        @Override
        public String toString() {
            return "ServicePrincipal[tenant=" + tenantId + ", client=" + clientId + ", " + proof + ", "
                    + (hasSecret() ? "configured" : "none") + ", certificate=" + certificateThumbprint + "]";
        }
    }
}
