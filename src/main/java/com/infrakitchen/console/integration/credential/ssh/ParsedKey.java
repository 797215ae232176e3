package com.infrakitchen.console.integration.credential.ssh;

import com.infrakitchen.console.secret.Secret;

/**
 * A private key that passed every local rule (docs/product.md 4: RSA, at least 2048 bits, decryptable with the
 * passphrase given), and the facts of its public half that a user compares with Azure DevOps.
 *
 * @param type              the key type, always {@code "RSA"} for a key that passed
 * @param bits              the modulus length
 * @param sha256Fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64
 * @param md5Fingerprint    as {@code ssh-keygen -l -E md5} prints it: {@code MD5:} and colon-separated hex; Azure
 *                          DevOps' SSH public keys page shows the part after {@code MD5:} ({@link #md5Hex()})
 * @param publicKeyLine     the OpenSSH public key line ({@code ssh-rsa AAAA… comment}) to add in Azure DevOps,
 *                          without a trailing line break (a trailing one makes Azure DevOps store an invalid key)
 * @param encrypted         whether the key was encrypted with a passphrase
 * @param privateKey        the private key block as given (still encrypted if it was), with line breaks normalised
 *                          to LF and text around the block removed: the form JSch loads; or, when {@code decrypted},
 *                          the key already decrypted (PEM, never stored: for one check). Wipe it when done
 * @param decrypted         whether {@code privateKey} is the decrypted form of an encrypted key, to be loaded without
 *                          a passphrase (so that a check pays the key derivation once, not twice)
 */
public record ParsedKey(String type, int bits, String sha256Fingerprint, String md5Fingerprint,
        String publicKeyLine, boolean encrypted, Secret privateKey, boolean decrypted) {

    /** A copy of {@link #privateKey()}'s bytes for JSch; wipe it after use. */
    public byte[] privateKeyBytes() {
        return privateKey.bytes();
    }

    /** The MD5 fingerprint as Azure DevOps shows it: {@code aa:bb:…}. */
    public String md5Hex() {
        return md5Fingerprint.startsWith("MD5:") ? md5Fingerprint.substring(4) : md5Fingerprint;
    }

    /** Type and size, for messages: {@code "RSA 4096"}. */
    public String description() {
        return type + " " + bits;
    }

    public void wipe() {
        privateKey.wipe();
    }
}
