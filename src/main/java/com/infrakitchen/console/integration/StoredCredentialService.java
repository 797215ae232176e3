package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.internal.IntegrationRepository;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.security.Roles;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored credentials, opened for the outbound calls that need them and for nothing else: a connection test
 * (editors; the caller wipes what it gets) and the provider calls any signed-in user may cause, such as the
 * Repositories tab (the credential is used in place and never handed out). Changing integrations is
 * {@link IntegrationService}'s.
 */
@Service
public class StoredCredentialService {

    private final IntegrationRepository repository;
    private final IntegrationCredentials credentials;

    StoredCredentialService(IntegrationRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.credentials = new IntegrationCredentials(cipher);
    }

    /**
     * The stored credential of an integration, decrypted, for a connection test (and nothing else): the caller must
     * wipe it. Empty when the integration does not exist; a secret that does not open with this key set is left out
     * and {@link StoredCredentials#unreadable()} says why. Editors and admins test; so does the health scheduler
     * ({@link com.infrakitchen.console.security.SystemActor}).
     */
    @PreAuthorize(Roles.EDITOR_ADMIN_OR_SCHEDULER)
    @Transactional(readOnly = true)
    public Optional<StoredCredentials> credentialsForTest(UUID id) {
        return repository.findById(id).map(credentials::open);
    }

    /**
     * Runs {@code use} with the stored credential of an integration, decrypted, and wipes it when {@code use} ends:
     * the narrow path by which any signed-in user (the Repositories tab is open to viewers) has the console call the
     * provider with it. The credential never reaches the caller, only what {@code use} makes of it, which must not
     * be a credential or a secret (refused). No transaction is open while {@code use} runs, since it calls out.
     * Empty when the integration does not exist (or {@code use} returns null).
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public <R> Optional<R> useStoredCredential(UUID id, Function<StoredCredentials, @Nullable R> use) {
        Optional<StoredCredentials> stored = repository.findById(id).map(credentials::open);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        R result;
        try {
            result = use.apply(stored.get());
        } finally {
            stored.get().wipe();
        }
        if (result instanceof CredentialInput || result instanceof StoredCredentials || result instanceof Secret) {
            throw new IllegalStateException("A stored credential is used in place, never handed out");
        }
        return Optional.ofNullable(result);
    }
}
