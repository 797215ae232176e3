package com.infrakitchen.console.integration.credential.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Fingerprints of SSH public keys exactly as {@code ssh-keygen -l} prints them, so that a user can compare them
 * with their own terminal and with Azure DevOps' SSH public keys page (which lists the MD5 form).
 */
final class SshFingerprints {

    private SshFingerprints() {
    }

    /** {@code SHA256:} and unpadded base64 of the SHA-256 of an SSH public key blob, as {@code ssh-keygen -l}. */
    static String sha256(byte[] publicKeyBlob) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", publicKeyBlob));
    }

    /** {@code MD5:} and colon-separated lower-case hex, as {@code ssh-keygen -l -E md5}. */
    static String md5(byte[] publicKeyBlob) {
        return "MD5:" + HexFormat.ofDelimiter(":").formatHex(digest("MD5", publicKeyBlob));
    }

    /** The SHA256 fingerprint of the key in an OpenSSH public key line ({@code ssh-rsa AAAA… comment}). */
    static String sha256OfLine(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a public key line");
        }
        return sha256(Base64.getDecoder().decode(parts[1]));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
