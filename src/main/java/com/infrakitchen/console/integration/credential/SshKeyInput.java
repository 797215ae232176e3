package com.infrakitchen.console.integration.credential;

import com.infrakitchen.console.secret.Secret;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A private key as pasted, uploaded or generated, with its passphrase (null or empty when it has none), the
 * repository a check asks for with it ({@code project/repository}) and the day its public key was added to the
 * provider ({@code keyAddedOn}, null when unknown). The service parses it again before storing anything; both
 * secrets are wiped by whoever receives it.
 */
public record SshKeyInput(@Nullable Secret privateKey, @Nullable Secret passphrase, boolean generated,
        @Nullable String testRepository, @Nullable LocalDate keyAddedOn)
        implements CredentialInput {

    /** Without a Key added on date. */
    public SshKeyInput(@Nullable Secret privateKey, @Nullable Secret passphrase, boolean generated,
            @Nullable String testRepository) {
        this(privateKey, passphrase, generated, testRepository, null);
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SSH;
    }

    @Override
    public CredentialSettings.SshKeySettings settings() {
        return new CredentialSettings.SshKeySettings(testRepository, keyAddedOn);
    }

    /** The same key and passphrase, asked about the settings' repository. */
    @Override
    public SshKeyInput withTestedSettings(CredentialSettings settings) {
        return settings instanceof CredentialSettings.SshKeySettings(String repository, LocalDate addedOn)
                ? new SshKeyInput(privateKey, passphrase, generated, repository, keyAddedOn) : this;
    }

    @Override
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>(2);
        if (privateKey != null) {
            secrets.add(privateKey);
        }
        if (passphrase != null && passphrase.length() > 0) {
            secrets.add(passphrase);
        }
        return secrets;
    }

    /** The private key only: the passphrase never leaves the console. */
    @Override
    public List<Secret> transmittedSecrets() {
        return privateKey == null ? List.of() : List.of(privateKey);
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
