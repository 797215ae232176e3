package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds a result to the exact values it tested (docs/product.md 5.1): an HMAC of the organization and the
 * token under a key that exists only in this process's memory, so the fingerprint reveals nothing about
 * the token and means nothing outside this run. Two equal fingerprints mean "the same values".
 */
public final class CheckFingerprint {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private CheckFingerprint() {
    }

    /** Of the organization, the test repository, the private key and its passphrase (SSH). */
    public static String ofKey(String organization, String testRepository, Secret privateKey, Secret passphrase) {
        String where = (organization == null ? "" : organization.strip()) + "\u0000ssh\u0000"
                + (testRepository == null ? "" : testRepository.strip());
        byte[] key = privateKey == null ? new byte[0] : privateKey.bytes();
        byte[] pass = passphrase == null ? new byte[0] : passphrase.bytes();
        byte[] both = new byte[key.length + 1 + pass.length];
        System.arraycopy(key, 0, both, 0, key.length);
        System.arraycopy(pass, 0, both, key.length + 1, pass.length);
        java.util.Arrays.fill(key, (byte) 0);
        java.util.Arrays.fill(pass, (byte) 0);
        Secret combined = Secret.ofBytes(both);
        java.util.Arrays.fill(both, (byte) 0);
        try {
            return of(where, combined);
        } finally {
            combined.wipe();
        }
    }

    /** Of the organization (case-insensitive, as Azure DevOps compares it) and the token as it would be sent. */
    public static String of(String organization, Secret token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            mac.update((organization == null ? "" : organization.strip().toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            if (token != null) {
                byte[] bytes = token.bytes();
                mac.update(bytes);
                java.util.Arrays.fill(bytes, (byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
