package com.infrakitchen.console.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A secret value (token, private key, passphrase) on its way in or out of {@link SecretCipher}. Its
 * {@code toString()} never shows the value, so it cannot leak through a log line, an exception message
 * or a debugger's default view. Callers {@link #wipe()} it when done.
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Secret ofBytes(byte[] value) {
        return new Secret(value.clone());
    }

    /** A copy of the bytes; wipe it after use. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The value as text, for APIs that only take strings (OkHttp headers). Keep its scope small. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public int length() {
        return value.length;
    }

    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    /** Constant-time comparison. */
    public boolean sameAs(@Nullable Secret other) {
        return other != null && MessageDigest.isEqual(value, other.value);
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
