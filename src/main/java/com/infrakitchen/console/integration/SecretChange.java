package com.infrakitchen.console.integration;

import com.infrakitchen.console.secret.Secret;

/**
 * What an update does to the stored token: keep it (the write-only field was left empty), replace it,
 * or clear it. There is no way to read it back.
 */
public sealed interface SecretChange {

    SecretChange KEEP = new Keep();
    SecretChange CLEAR = new Clear();

    static SecretChange replaceWith(Secret secret) {
        return new Replace(secret);
    }

    record Keep() implements SecretChange {
    }

    record Clear() implements SecretChange {
    }

    record Replace(Secret secret) implements SecretChange {
    }
}
