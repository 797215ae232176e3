package com.infrakitchen.console.secret;

import org.jspecify.annotations.Nullable;

/**
 * A stored secret cannot be decrypted, and {@link #reason()} says why: the key set lacks the key that made it,
 * or the key is there but the ciphertext does not authenticate for this place (it was encrypted for another
 * row or column, or altered), or the bytes are not a Tink ciphertext at all. The message names the place and
 * the key id, never the value or key material.
 */
public class SecretUnreadableException extends RuntimeException {

    /** Why a stored secret cannot be read. */
    public enum Reason {
        /** The ciphertext names a key id that the configured key set does not contain (or holds only disabled). */
        KEY_NOT_IN_KEY_SET,
        /**
         * The key set holds the key, but the ciphertext does not authenticate with this place's associated data:
         * it belongs to another record (copied there) or was altered.
         */
        NOT_FOR_THIS_PLACE,
        /** The stored bytes are not a Tink ciphertext (too short, or without the Tink prefix). */
        NOT_A_CIPHERTEXT
    }

    private final Reason reason;
    private final @Nullable Integer keyId;

    public SecretUnreadableException(String place, Reason reason, @Nullable Integer keyId) {
        super(message(place, reason, keyId));
        this.reason = reason;
        this.keyId = keyId;
    }

    public Reason reason() {
        return reason;
    }

    /** The key id the ciphertext names, or null when it names none ({@link Reason#NOT_A_CIPHERTEXT}). */
    public @Nullable Integer keyId() {
        return keyId;
    }

    private static String message(String place, Reason reason, @Nullable Integer keyId) {
        return switch (reason) {
            case KEY_NOT_IN_KEY_SET -> "The stored secret " + place + " was encrypted with key id " + keyId
                    + ", which the configured key set does not contain as an enabled key. Start with the key set that wrote it"
                    + " (APP_KEYSET_FILE / APP_KEYSET), or set the secret again.";
            case NOT_FOR_THIS_PLACE -> "The stored secret " + place + " does not belong to this integration: it was"
                    + " encrypted for another record (copied here) or altered, so it is not used. Set it again.";
            case NOT_A_CIPHERTEXT -> "The stored secret " + place + " is not an encrypted value this console wrote"
                    + " (damaged or written by another tool). Set it again.";
        };
    }
}
