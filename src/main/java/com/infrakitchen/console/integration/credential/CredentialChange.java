package com.infrakitchen.console.integration.credential;

/**
 * What saving or testing a form does to the stored credential: keep the secret (the write-only field was left
 * empty) with these settings, replace it with a new one, or clear it (a token only: an SSH integration always has
 * its key). There is no way to read a secret back.
 */
public sealed interface CredentialChange {

    /** The kind of credential this change is for. */
    AuthMethod method();

    static CredentialChange keep(CredentialSettings settings) {
        return new Keep(settings);
    }

    static CredentialChange replace(CredentialInput input) {
        return new Replace(input);
    }

    static CredentialChange clear(CredentialSettings settings) {
        return new Clear(settings);
    }

    /** Overwrites a new secret this change holds; nothing otherwise. */
    default void wipe() {
        if (this instanceof Replace(CredentialInput input) && input != null) {
            input.wipe();
        }
    }

    record Keep(CredentialSettings settings) implements CredentialChange {
        @Override
        public AuthMethod method() {
            return settings.method();
        }
    }

    record Replace(CredentialInput input) implements CredentialChange {
        @Override
        public AuthMethod method() {
            return input.method();
        }
    }

    record Clear(CredentialSettings settings) implements CredentialChange {
        @Override
        public AuthMethod method() {
            return settings.method();
        }
    }
}
