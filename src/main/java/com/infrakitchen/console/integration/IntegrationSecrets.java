package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.azuredevops.ssh.ParsedKey;
import com.infrakitchen.console.integration.azuredevops.ssh.SshKeys;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.SshKeyColumns;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import java.time.Instant;
import java.util.UUID;

/**
 * How an integration's secrets are sealed and opened (decision 0007): each ciphertext is bound to its row and column
 * by associated data ("places"), so a ciphertext copied to another row or column does not open.
 */
final class IntegrationSecrets {

    private IntegrationSecrets() {
    }

    /** Associated data binding a token ciphertext to its row and column. */
    static String tokenPlace(UUID id) {
        return "integration/" + id + "/pat/v1";
    }

    /** Associated data binding an SSH private key ciphertext to its row and column. */
    static String sshKeyPlace(UUID id) {
        return "integration/" + id + "/ssh-key/v1";
    }

    static String sshPassphrasePlace(UUID id) {
        return "integration/" + id + "/ssh-passphrase/v1";
    }

    /** Encrypts an accepted token for row {@code id}, and wipes it. */
    static byte[] sealToken(SecretCipher cipher, UUID id, Secret token) {
        try {
            return cipher.seal(token, tokenPlace(id));
        } finally {
            token.wipe();
        }
    }

    /** Parses the key (every key rule, with messages safe to show), then encrypts key and passphrase; wipes both. */
    static SshKeyColumns sealKey(SecretCipher cipher, UUID id, SshKeyInput key, String testRepository, Instant now) {
        Secret passphrase = key.passphrase() == null || key.passphrase().length() == 0 ? null : key.passphrase();
        ParsedKey parsed = null;
        try {
            parsed = SshKeys.parse(key.privateKey(), passphrase);
            byte[] keyCiphertext = cipher.seal(key.privateKey(), sshKeyPlace(id));
            byte[] passphraseCiphertext = passphrase == null ? null : cipher.seal(passphrase, sshPassphrasePlace(id));
            return new SshKeyColumns(keyCiphertext, SecretCipher.keyIdOf(keyCiphertext), passphraseCiphertext, now,
                    parsed.publicKeyLine(), parsed.sha256Fingerprint(), parsed.md5Fingerprint(), parsed.description(),
                    key.generated(), testRepository);
        } finally {
            if (parsed != null) {
                parsed.wipe();
            }
            wipe(key);
        }
    }

    /**
     * The secrets of {@code i}, decrypted, for a connection test: the caller wipes them.
     *
     * @throws com.infrakitchen.console.secret.SecretUnreadableException when a ciphertext does not open here
     */
    static StoredCredentials open(SecretCipher cipher, Integration i) {
        SshKeyColumns ssh = i.ssh();
        boolean hasKey = ssh != null && ssh.keyCiphertext() != null;
        return new StoredCredentials(i.id(), i.name(), AuthMethod.valueOf(i.method()), i.organization(),
                i.patCiphertext() == null ? null : cipher.open(i.patCiphertext(), tokenPlace(i.id())),
                i.patSetAt(), i.tokenExpiresOn(),
                hasKey ? cipher.open(ssh.keyCiphertext(), sshKeyPlace(i.id())) : null,
                hasKey && ssh.passphraseCiphertext() != null
                        ? cipher.open(ssh.passphraseCiphertext(), sshPassphrasePlace(i.id())) : null,
                ssh == null ? null : ssh.testRepository(),
                AuthMethod.SSH.name().equals(i.method()) ? (ssh == null ? null : ssh.setAt()) : i.patSetAt());
    }

    static void wipe(SshKeyInput key) {
        if (key != null) {
            key.wipe();
        }
    }
}
