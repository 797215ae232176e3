package com.infrakitchen.console.secret;

/**
 * A stored secret cannot be decrypted: wrong row or column (associated data), unknown key, or damaged
 * bytes. The message names the place, never the value or key material.
 */
public class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String place) {
        super("The stored secret " + place + " cannot be decrypted with the configured key set (it was"
                + " encrypted for another record or with a key that is not in the key set). Set it again.");
    }
}
