package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Binds a result to the exact values it tested (docs/product.md 5.1): an HMAC of the organization, the kind of
 * credential, the settings a test depends on and the secrets, under a key that exists only in this process's
 * memory, so the fingerprint reveals nothing about the secrets and means nothing outside this run. Two equal
 * fingerprints mean "the same values".
 */
public final class CheckFingerprint {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private CheckFingerprint() {
    }

    /** Of the organization (case-insensitive, as Azure DevOps compares it) and the credential as it would be used. */
    public static String of(@Nullable String organization, CredentialInput credential) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            text(mac, organization == null ? "" : organization.strip().toLowerCase(Locale.ROOT));
            text(mac, credential.method().name());
            text(mac, credential.settings().testedText());
            for (Secret secret : credential.secrets()) {
                byte[] bytes = secret.bytes();
                mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                mac.update((byte) 0);
                mac.update(bytes);
                Arrays.fill(bytes, (byte) 0);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(Mac mac, String text) {
        mac.update(text.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
    }
}
