package com.infrakitchen.console.integration;

import com.infrakitchen.console.secret.Secret;

/**
 * A private key as pasted, uploaded or generated, with its passphrase (null or empty when it has none).
 * The service parses it again before storing anything; both secrets are wiped by the service.
 */
public record SshKeyInput(Secret privateKey, Secret passphrase, boolean generated) implements CredentialInput {

    @Override
    public AuthMethod method() {
        return AuthMethod.SSH;
    }

    @Override
    public void wipe() {
        if (privateKey != null) {
            privateKey.wipe();
        }
        if (passphrase != null) {
            passphrase.wipe();
        }
    }
}
