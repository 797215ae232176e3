package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.secret.SecretUnreadableException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a connection test of a saved integration needs. The secrets are decrypted: keep them in the smallest
 * scope and wipe them; {@code Secret#toString()} never shows them.
 *
 * @param credential      the stored credential, decrypted; its secret is null when none is stored or it could not
 *                        be decrypted (then {@code unreadable} says why)
 * @param credentialSetAt when the secret was set: a stored result is outdated once this changes
 * @param unreadable      why the stored secret does not open here (its message is safe to show), or null
 */
public record StoredCredentials(UUID id, String name, String provider, String organization,
        CredentialInput credential, @Nullable Instant credentialSetAt, @Nullable SecretUnreadableException unreadable) {

    /** Whether a secret is there to test with. */
    public boolean hasSecret() {
        return unreadable == null && !credential.secrets().isEmpty();
    }

    public void wipe() {
        credential.wipe();
    }
}
