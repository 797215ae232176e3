package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.secret.Secret;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * SSH key intake, for any provider (docs/security.md 3.7, docs/product.md 4): the one entry point other packages
 * use. It reads a pasted private key in any format JSch 2.28 can use (OpenSSH, PEM PKCS#1 with or without
 * {@code Proc-Type: 4,ENCRYPTED}, PKCS#8 plain or encrypted with PBES2), refuses with a message a user can act on
 * everything that is not a private key (public keys, PuTTY files, junk) and, through the provider's
 * {@link KeyPolicy}, every kind and size the provider would refuse later; it prints fingerprints and makes new RSA
 * 4096 key pairs.
 *
 * <p>The work is done in this package by {@link SshKeyParser} (with {@link KeyBlock} for the formats and
 * {@link SshKeyRules} for the rules and their messages), {@link SshFingerprints} and {@link SshKeyGenerator}.
 * Messages never contain key material or the passphrase, and no exception from the parser is chained as a cause
 * (its text is the library's, not ours).
 */
public final class SshKeys {

    /** The most a pasted key may have, in UTF-8 bytes; checked before anything else (docs/security.md I-11). */
    public static final int MAX_KEY_BYTES = SshKeyRules.MAX_KEY_BYTES;
    /** What {@link #generate(String)} makes. */
    public static final int GENERATED_RSA_BITS = SshKeyGenerator.GENERATED_RSA_BITS;

    private SshKeys() {
    }

    // ---- parse ----------------------------------------------------------------------------------------------

    /** {@link #parse(String, Secret, KeyPolicy)} for a key held as a secret (the size rule is applied before it is read). */
    public static ParsedKey parse(@Nullable Secret privateKey, @Nullable Secret passphrase, KeyPolicy policy) {
        return SshKeyParser.parse(privateKey, passphrase, policy, false);
    }

    /**
     * As {@link #parse(Secret, Secret, KeyPolicy)} for a check: an encrypted key comes back decrypted
     * ({@link ParsedKey#decrypted()}), so that JSch loads it without deriving the passphrase's key a second time
     * (bcrypt for OpenSSH keys, PBKDF2 for PKCS#8: the slowest part of a local check). Never store what it returns.
     */
    public static ParsedKey parseForCheck(@Nullable Secret privateKey, @Nullable Secret passphrase, KeyPolicy policy) {
        return SshKeyParser.parse(privateKey, passphrase, policy, true);
    }

    /**
     * Reads a pasted private key and checks it against every local rule. Line breaks may be CRLF; text around the
     * key block (a "Bag Attributes" preamble) is ignored.
     *
     * @param passphrase the key's passphrase; may be null or empty when the key is not encrypted
     * @throws SshKeyRuleViolation when a rule is broken, with a message safe to show next to the field
     */
    public static ParsedKey parse(@Nullable String privateKeyText, @Nullable Secret passphrase, KeyPolicy policy) {
        return SshKeyParser.parse(privateKeyText, passphrase, policy, false);
    }

    // ---- fingerprints ---------------------------------------------------------------------------------------

    /** {@code SHA256:} and unpadded base64 of the SHA-256 of an SSH public key blob, as {@code ssh-keygen -l}. */
    public static String sha256Fingerprint(byte[] publicKeyBlob) {
        return SshFingerprints.sha256(publicKeyBlob);
    }

    /** {@code MD5:} and colon-separated lower-case hex, as {@code ssh-keygen -l -E md5}. */
    public static String md5Fingerprint(byte[] publicKeyBlob) {
        return SshFingerprints.md5(publicKeyBlob);
    }

    /** The SHA256 fingerprint of the key in an OpenSSH public key line ({@code ssh-rsa AAAA… comment}). */
    public static String sha256FingerprintOfLine(String publicKeyLine) {
        return SshFingerprints.sha256OfLine(publicKeyLine);
    }

    /** The type name at the start of an SSH public key blob ({@code ssh-rsa}, {@code ssh-ed25519}, …). */
    public static @Nullable String blobType(byte[] blob) {
        return SshWireFormat.blobType(blob);
    }

    // ---- generate -------------------------------------------------------------------------------------------

    /**
     * Makes an RSA 4096 key pair on this server (JDK key generation through JSch). The private key comes back in
     * OpenSSH format, not encrypted, as ssh-keygen writes it; it is a secret like any pasted key.
     *
     * @param comment the comment of the public key line (for example the integration's name); control characters
     *                are removed, blank means none
     */
    public static GeneratedKey generate(@Nullable String comment) {
        return SshKeyGenerator.generate(comment, GENERATED_RSA_BITS);
    }

    /** {@link #generate(String)} with another size, for tests that need many keys quickly. */
    public static GeneratedKey generate(@Nullable String comment, int bits) {
        return SshKeyGenerator.generate(comment, bits);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Zeroes key material held in a byte array; null is allowed. */
    public static void wipe(byte @Nullable [] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
