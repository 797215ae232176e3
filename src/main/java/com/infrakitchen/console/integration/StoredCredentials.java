package com.infrakitchen.console.integration;

import com.infrakitchen.console.secret.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a connection test of a saved integration needs. The secrets are decrypted: keep them in the smallest
 * scope and wipe them; {@link Secret#toString()} never shows them.
 *
 * @param token            the PAT (PAT integrations), null when none is configured
 * @param sshKey           the private key (SSH integrations), null when none is configured
 * @param sshPassphrase    its passphrase, null when the key has none
 * @param credentialSetAt  when the token or key was set: a stored result is outdated once this changes
 */
public record StoredCredentials(UUID id, String name, AuthMethod method, String organization, Secret token,
        Instant tokenSetAt, LocalDate tokenExpiresOn, Secret sshKey, Secret sshPassphrase, String testRepository,
        Instant credentialSetAt) {

    public void wipe() {
        for (Secret s : new Secret[] {token, sshKey, sshPassphrase}) {
            if (s != null) {
                s.wipe();
            }
        }
    }
}
