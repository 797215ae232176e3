package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.credential.TokenFacts;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.StoredCredential;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.secret.SecretUnreadableException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The credential model (decision 0013): the one place where the kinds of credential differ. It checks a new
 * credential against its provider's rules, seals it for its row (decision 0007: each ciphertext bound to row and
 * column by its "place"), applies a {@link CredentialChange} to what is stored, says what an audit record shows of
 * it, and opens it for a test. A further kind is a further case in each switch here and in the sealed types.
 */
final class IntegrationCredentials {

    private final SecretCipher cipher;
    private final PrincipalCredentials principals;

    IntegrationCredentials(SecretCipher cipher) {
        this.cipher = cipher;
        this.principals = new PrincipalCredentials(cipher);
    }

    // ---- places (associated data) ---------------------------------------------------------------------------

    static String tokenPlace(UUID id) {
        return "integration/" + id + "/pat/v1";
    }

    static String sshKeyPlace(UUID id) {
        return "integration/" + id + "/ssh-key/v1";
    }

    static String sshPassphrasePlace(UUID id) {
        return "integration/" + id + "/ssh-passphrase/v1";
    }

    static String clientSecretPlace(UUID id) {
        return PrincipalCredentials.clientSecretPlace(id);
    }

    static String certificatePlace(UUID id) {
        return PrincipalCredentials.certificatePlace(id);
    }

    // ---- new credentials ------------------------------------------------------------------------------------

    /**
     * The rules that need no parsing (token format, test repository, Key added on not after {@code today}, a key
     * given); throws with a field error.
     */
    static void check(IntegrationProvider provider, CredentialInput input, LocalDate today) {
        switch (input) {
            case AccessTokenInput t -> acceptedToken(provider, t.token()).wipe();
            case SshKeyInput k -> {
                checkSettings(provider, k.settings(), today);
                if (k.privateKey() == null || k.privateKey().length() == 0) {
                    throw new IntegrationRuleViolation("sshKey", "SSH Private Key is required: paste, upload or"
                            + " generate one");
                }
            }
            case ServicePrincipalInput p -> {
                checkSettings(provider, p.settings(), today);
                PrincipalCredentials.checkProof(p);
            }
        }
    }

    /** Checks {@code input} (all its rules, the key parsed with the provider's policy) and seals it; wipes it. */
    StoredCredential seal(UUID id, IntegrationProvider provider, CredentialInput input, Instant now) {
        try {
            check(provider, input, today(now));
            return switch (input) {
                case AccessTokenInput t -> {
                    byte[] ciphertext = sealed(acceptedToken(provider, t.token()), tokenPlace(id));
                    yield new StoredCredential.AccessToken(t.expiresOn(), ciphertext, SecretCipher.keyIdOf(ciphertext),
                            now);
                }
                case SshKeyInput k -> sealKey(id, provider, k, now);
                case ServicePrincipalInput p -> principals.seal(id, p, now);
            };
        } finally {
            input.wipe();
        }
    }

    private StoredCredential.SshKey sealKey(UUID id, IntegrationProvider provider, SshKeyInput key, Instant now) {
        Secret passphrase = key.passphrase() == null || key.passphrase().length() == 0 ? null : key.passphrase();
        ParsedKey parsed = null;
        try {
            parsed = SshKeys.parse(key.privateKey(), passphrase, provider.keyPolicy());
            byte[] keyCiphertext = cipher.seal(key.privateKey(), sshKeyPlace(id));
            byte[] passphraseCiphertext = passphrase == null ? null : cipher.seal(passphrase, sshPassphrasePlace(id));
            return new StoredCredential.SshKey(keyCiphertext, SecretCipher.keyIdOf(keyCiphertext),
                    passphraseCiphertext, now, parsed.publicKeyLine(), parsed.sha256Fingerprint(),
                    parsed.md5Fingerprint(), parsed.description(), key.generated(), key.testRepository().strip(),
                    key.keyAddedOn());
        } catch (SshKeyRuleViolation v) {
            throw new IntegrationRuleViolation(v.field(), v.getMessage());
        } finally {
            if (parsed != null) {
                parsed.wipe();
            }
        }
    }

    // ---- changes --------------------------------------------------------------------------------------------

    /** Refuses a change of another kind than the stored credential (a token for an SSH integration). */
    static void refuseOtherKind(StoredCredential current, CredentialChange change) {
        if (change.method() != kindOf(current)) {
            throw new IntegrationRuleViolation("method", switch (kindOf(current)) {
                case SSH -> "This integration uses an SSH key: save it with its key";
                case PAT -> "This integration uses a personal access token";
                case SERVICE_PRINCIPAL -> "This integration uses a service principal";
            });
        }
    }

    /**
     * Refuses a change whose settings break the rules (the provider's for the test repository; Key added on not
     * after {@code today}), before any parsing.
     */
    static void checkSettings(IntegrationProvider provider, CredentialChange change, LocalDate today) {
        checkSettings(provider, switch (change) {
            case CredentialChange.Keep(CredentialSettings settings) -> settings;
            case CredentialChange.Clear(CredentialSettings settings) -> settings;
            case CredentialChange.Replace(CredentialInput input) -> input.settings();
        }, today);
    }

    /** What is stored after {@code change}; throws with a field error, and wipes a new secret, when refused. */
    StoredCredential apply(UUID id, IntegrationProvider provider, StoredCredential current, CredentialChange change,
            Instant now) {
        if (change.method() != kindOf(current)) {
            change.wipe();
            refuseOtherKind(current, change);
        }
        return switch (change) {
            case CredentialChange.Replace(CredentialInput input) -> seal(id, provider, input, now);
            case CredentialChange.Keep(CredentialSettings settings) -> withSettings(provider, current, settings,
                    now);
            case CredentialChange.Clear(CredentialSettings settings) -> switch (settings) {
                case CredentialSettings.TokenSettings t -> new StoredCredential.AccessToken(t.expiresOn(), null, null,
                        null);
                case CredentialSettings.SshKeySettings s -> throw new IntegrationRuleViolation("sshKey",
                        "An SSH integration always has its key: replace it instead");
                case CredentialSettings.ServicePrincipalSettings s -> throw new IntegrationRuleViolation(
                        "clientSecret", "A service principal always has its client secret or certificate: replace"
                                + " it instead");
            };
        };
    }

    private static StoredCredential withSettings(IntegrationProvider provider, StoredCredential current,
            CredentialSettings settings, Instant now) {
        checkSettings(provider, settings, today(now));
        return switch (current) {
            case StoredCredential.AccessToken t -> t.withExpiry(((CredentialSettings.TokenSettings) settings)
                    .expiresOn());
            case StoredCredential.SshKey k -> {
                var s = (CredentialSettings.SshKeySettings) settings;
                yield k.withSettings(s.testRepository().strip(), s.keyAddedOn());
            }
            case StoredCredential.ServicePrincipal p -> PrincipalCredentials.withSettings(p,
                    (CredentialSettings.ServicePrincipalSettings) settings, now);
        };
    }

    private static void checkSettings(IntegrationProvider provider, CredentialSettings settings, LocalDate today) {
        if (settings instanceof CredentialSettings.ServicePrincipalSettings p) {
            PrincipalCredentials.checkSettings(provider, p);
        }
        if (settings instanceof CredentialSettings.SshKeySettings(String repository, LocalDate addedOn)) {
            provider.testRepositoryProblem(repository == null ? "" : repository.strip()).ifPresent(p -> {
                throw new IntegrationRuleViolation("testRepository", p);
            });
            if (addedOn != null && addedOn.isAfter(today)) {
                throw new IntegrationRuleViolation("sshKeyAddedOn", CredentialExpiry.KEY_ADDED_IN_FUTURE);
            }
        }
    }

    /** The application clock's day of {@code now} (UTC, as every date the console judges by). */
    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Whether {@code change} sets or removes a secret (a clear of nothing changes nothing). */
    static boolean secretChanged(StoredCredential current, CredentialChange change) {
        return switch (change) {
            case CredentialChange.Replace r -> true;
            case CredentialChange.Keep k -> false;
            case CredentialChange.Clear c -> current.hasSecret();
        };
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** What may be shown of a stored credential. */
    static CredentialFacts facts(StoredCredential credential) {
        return switch (credential) {
            case StoredCredential.AccessToken t -> new TokenFacts(t.hasSecret(), t.patSetAt(), t.tokenExpiresOn());
            case StoredCredential.SshKey k -> new SshKeyFacts(k.keyDescription(), k.fingerprintSha256(),
                    k.fingerprintMd5(), k.publicKey(), Boolean.TRUE.equals(k.generated()),
                    k.passphraseCiphertext() != null, k.setAt(), k.testRepository(), k.keyAddedOn());
            case StoredCredential.ServicePrincipal p -> new ServicePrincipalFacts(String.valueOf(p.tenantId()),
                    String.valueOf(p.clientId()), p.principalProof(), p.hasSecret(), p.setAt(), p.secretExpiresOn(),
                    p.certificateSubject(), p.certificateThumbprint(), p.certificateExpiresOn());
        };
    }

    /**
     * The credential of {@code i}, decrypted, for a connection test: the caller wipes it. A ciphertext that does not
     * open here leaves the secret out, and says why.
     */
    StoredCredentials open(Integration i) {
        StoredCredential stored = i.credential();
        try {
            CredentialInput open = switch (stored) {
                case StoredCredential.AccessToken t -> new AccessTokenInput(t.patCiphertext() == null ? null
                        : cipher.open(t.patCiphertext(), tokenPlace(i.id())), t.tokenExpiresOn());
                case StoredCredential.SshKey k -> openKey(i.id(), k);
                case StoredCredential.ServicePrincipal p -> principals.open(i.id(), p);
            };
            return new StoredCredentials(i.id(), i.name(), i.provider(), i.fields().organization(), open,
                    stored.setAt(), null);
        } catch (SecretUnreadableException e) {
            CredentialInput none = switch (stored) {
                case StoredCredential.AccessToken t -> new AccessTokenInput(null, t.tokenExpiresOn());
                case StoredCredential.SshKey k -> new SshKeyInput(null, null, false, k.testRepository(),
                        k.keyAddedOn());
                case StoredCredential.ServicePrincipal p -> new ServicePrincipalInput(p.tenantId(), p.clientId(),
                        p.principalProof(), null, p.secretExpiresOn(), null, null);
            };
            return new StoredCredentials(i.id(), i.name(), i.provider(), i.fields().organization(), none,
                    stored.setAt(), e);
        }
    }

    private SshKeyInput openKey(UUID id, StoredCredential.SshKey k) {
        if (k.keyCiphertext() == null) {
            return new SshKeyInput(null, null, false, k.testRepository(), k.keyAddedOn());
        }
        Secret key = cipher.open(k.keyCiphertext(), sshKeyPlace(id));
        try {
            Secret passphrase = k.passphraseCiphertext() == null ? null
                    : cipher.open(k.passphraseCiphertext(), sshPassphrasePlace(id));
            return new SshKeyInput(key, passphrase, Boolean.TRUE.equals(k.generated()), k.testRepository(),
                    k.keyAddedOn());
        } catch (SecretUnreadableException e) {
            key.wipe();
            throw e;
        }
    }

    static AuthMethod kindOf(StoredCredential credential) {
        return switch (credential) {
            case StoredCredential.AccessToken t -> AuthMethod.PAT;
            case StoredCredential.SshKey k -> AuthMethod.SSH;
            case StoredCredential.ServicePrincipal p -> AuthMethod.SERVICE_PRINCIPAL;
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Secret acceptedToken(IntegrationProvider provider, @Nullable Secret typed) {
        String token = typed == null ? "" : typed.reveal().strip();
        provider.tokenProblem(token).ifPresent(p -> {
            throw new IntegrationRuleViolation("token", p);
        });
        return Secret.of(token);
    }

    private byte[] sealed(Secret secret, String place) {
        try {
            return cipher.seal(secret, place);
        } finally {
            secret.wipe();
        }
    }
}
