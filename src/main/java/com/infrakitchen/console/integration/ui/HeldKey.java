package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The new private key a form holds until it is saved (pasted, uploaded or generated here), on the server only: a
 * key it replaces is wiped, and so is the key when it is dropped or the page is left. The service gets a copy of
 * its own ({@link #copy}), which it wipes.
 */
final class HeldKey implements Serializable {

    private transient @Nullable Secret key;
    private boolean generated;

    /** Holds {@code newKey} instead of the key held so far (which is wiped). */
    void hold(Secret newKey, boolean isGenerated) {
        drop();
        key = newKey;
        generated = isGenerated;
    }

    /** Wipes and forgets the key held, if any. */
    void drop() {
        if (key != null) {
            key.wipe();
        }
        key = null;
        generated = false;
    }

    boolean isHeld() {
        return key != null;
    }

    /** Whether the key held was generated here. */
    boolean generated() {
        return generated;
    }

    /** The key held, for reading its facts (not to be kept or wiped by the caller). */
    @Nullable Secret secret() {
        return key;
    }

    /** A copy of the key held as the service's input, with these settings; empty when none is held. */
    Optional<SshKeyInput> copy(@Nullable Secret passphrase, String testRepository, @Nullable LocalDate keyAddedOn) {
        if (key == null) {
            return Optional.empty();
        }
        byte[] bytes = key.bytes();
        try {
            return Optional.of(new SshKeyInput(Secret.ofBytes(bytes), passphrase, generated, testRepository,
                    keyAddedOn));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
