package com.infrakitchen.console.integration;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.IntegrationQueries;
import com.infrakitchen.console.integration.internal.IntegrationRepository;
import com.infrakitchen.console.integration.internal.SshKeyColumns;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Azure DevOps integrations: the public, secured API. Every rule of docs/product.md section 4 is checked
 * here, whatever the form did; the unique name is finally decided by the {@code uq_integration_name_key}
 * constraint; edits and deletes are version-checked; the token is encrypted before it is stored and
 * never returned.
 */
@Service
@Transactional
public class IntegrationService {

    public static final int MAX_PAGE_SIZE = 200;
    /** {@code project/repository}: two names of at most 64 characters and the slash. */
    public static final int TEST_REPOSITORY_MAX = 130;
    static final String NAME_CONSTRAINT = "uq_integration_name_key";

    private final IntegrationRepository repository;
    private final IntegrationQueries queries;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    IntegrationService(IntegrationRepository repository, IntegrationQueries queries, SecretCipher cipher,
            AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<IntegrationSummary> find(IntegrationFilter filter, IntegrationSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return queries.find(filter == null ? IntegrationFilter.NONE : filter,
                sort == null ? IntegrationSort.DEFAULT : sort, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public long count(IntegrationFilter filter) {
        return queries.count(filter == null ? IntegrationFilter.NONE : filter);
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<String> labelsInUse() {
        return queries.labelsInUse();
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<IntegrationDetail> get(UUID id) {
        return repository.findById(id).map(IntegrationDetails::of);
    }

    /** Whether another integration already has this name (case-insensitive); for the live check. */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public boolean nameTaken(String name, UUID except) {
        String key = IntegrationRules.nameKey(IntegrationRules.normaliseName(name));
        return except == null ? repository.existsByNameKey(key) : repository.countByNameKeyExcept(key, except) > 0;
    }

    /**
     * The stored token of an integration, decrypted, for a connection test (and nothing else): the caller
     * must wipe it. Empty when the integration does not exist; {@link StoredCredentials#token()} is null when
     * no token is configured.
     *
     * @throws com.infrakitchen.console.secret.SecretUnreadableException when the key set lacks its key
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public Optional<StoredCredentials> credentialsForTest(UUID id) {
        return repository.findById(id).map(i -> IntegrationSecrets.open(cipher, i));
    }

    // ---- changing -------------------------------------------------------------------------------

    /** Creates a PAT integration. {@code token} is what was typed (trimmed here). */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail create(IntegrationData data, String token) {
        IntegrationFields valid = IntegrationFields.validate(data);
        Secret secret = IntegrationRules.acceptToken(token);
        if (repository.existsByNameKey(valid.nameKey())) {
            throw nameInUse(valid.name());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] ciphertext = IntegrationSecrets.sealToken(cipher, id, secret);
        Integration saved = save(new Integration(id, valid.name(), valid.nameKey(), valid.description(),
                AuthMethod.PAT.name(), valid.organization(), true, data.tokenExpiresOn(), ciphertext,
                SecretCipher.keyIdOf(ciphertext), now, null, valid.searchText(), valid.labelRows(), now,
                CurrentUser.username(), now, CurrentUser.username(), null), valid.name());
        audit.record(AuditAction.INTEGRATION_CREATED, AuditOutcome.SUCCESS, Target.integration(id, valid.name()),
                AuditDetails.of().put("name", valid.name()).put("organization", valid.organization())
                        .put("method", AuthMethod.PAT.name()).put("labels", String.join(",", valid.labels()))
                        .put("description", valid.description() == null ? "" : valid.description())
                        .put("tokenExpiresOn", String.valueOf(data.tokenExpiresOn()))
                        .secretChanged("token", true));
        return IntegrationDetails.of(saved);
    }

    /**
     * Saves the Overview form. {@code expectedVersion} is the version the editor loaded: if someone else
     * saved since, nothing is written and {@link ConcurrentEditException} says who and when.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail update(UUID id, long expectedVersion, IntegrationData data, SecretChange tokenChange) {
        Integration current = loadAt(id, expectedVersion);
        if (!AuthMethod.PAT.name().equals(current.method())) {
            if (tokenChange instanceof SecretChange.Replace replace) {
                replace.secret().wipe();
            }
            throw new IntegrationRuleViolation("method", "This integration uses an SSH key: save it with its key");
        }
        IntegrationFields valid = IntegrationFields.validate(data);
        if (repository.countByNameKeyExcept(valid.nameKey(), id) > 0) {
            throw nameInUse(valid.name());
        }
        Instant now = clock.instant();
        byte[] ciphertext = current.patCiphertext();
        Integer keyId = current.patKeyId();
        Instant setAt = current.patSetAt();
        if (tokenChange instanceof SecretChange.Replace replace) {
            try {
                Secret accepted = IntegrationRules.acceptToken(replace.secret().reveal());
                ciphertext = IntegrationSecrets.sealToken(cipher, id, accepted);
            } finally {
                replace.secret().wipe();
            }
            keyId = SecretCipher.keyIdOf(ciphertext);
            setAt = now;
        } else if (tokenChange instanceof SecretChange.Clear) {
            ciphertext = null;
            keyId = null;
            setAt = null;
        }
        AuditDetails diff = valid.changesFrom(current)
                .change("tokenExpiresOn", current.tokenExpiresOn(), data.tokenExpiresOn());
        boolean secretChanged = !(tokenChange instanceof SecretChange.Keep)
                && !(tokenChange instanceof SecretChange.Clear && current.patCiphertext() == null);
        if (diff.isEmpty() && !secretChanged) {
            return IntegrationDetails.of(current);
        }
        diff.secretChanged("token", secretChanged);
        Integration saved = save(valid.applyTo(current).withPat(data.tokenExpiresOn(), ciphertext, keyId, setAt)
                .changedBy(now, CurrentUser.username()), valid.name());
        Target target = Target.integration(id, valid.name());
        audit.record(AuditAction.INTEGRATION_UPDATED, AuditOutcome.SUCCESS, target, diff);
        if (secretChanged) {
            audit.record(ciphertext == null ? AuditAction.SECRET_CLEARED : AuditAction.SECRET_SET,
                    AuditOutcome.SUCCESS, target, AuditDetails.of().secretChanged("token", true));
        }
        return IntegrationDetails.of(saved);
    }

    /**
     * Creates an SSH key integration. The key is parsed again here (every rule of docs/product.md 4, SSH tab) and
     * stored encrypted with its passphrase; {@code testRepository} is {@code project/repository}.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail createSsh(IntegrationData data, String testRepository, SshKeyInput key) {
        IntegrationFields valid;
        String repository;
        try {
            valid = IntegrationFields.validate(data);
            repository = IntegrationFields.checkedTestRepository(testRepository);
            if (key == null || key.privateKey() == null || key.privateKey().length() == 0) {
                throw new IntegrationRuleViolation("sshKey", "SSH Private Key is required: paste, upload or generate"
                        + " one");
            }
            if (this.repository.existsByNameKey(valid.nameKey())) {
                throw nameInUse(valid.name());
            }
        } catch (RuntimeException e) {
            IntegrationSecrets.wipe(key);
            throw e;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        SshKeyColumns ssh = IntegrationSecrets.sealKey(cipher, id, key, repository, now);
        Integration saved = save(new Integration(id, valid.name(), valid.nameKey(), valid.description(),
                AuthMethod.SSH.name(), valid.organization(), true, null, null, null, null, ssh, valid.searchText(),
                valid.labelRows(), now, CurrentUser.username(), now, CurrentUser.username(), null), valid.name());
        audit.record(AuditAction.INTEGRATION_CREATED, AuditOutcome.SUCCESS, Target.integration(id, valid.name()),
                AuditDetails.of().put("name", valid.name()).put("organization", valid.organization())
                        .put("method", AuthMethod.SSH.name()).put("labels", String.join(",", valid.labels()))
                        .put("description", valid.description() == null ? "" : valid.description())
                        .put("testRepository", repository).put("sshKeyFingerprint", ssh.fingerprintSha256())
                        .put("sshKeyGenerated", Boolean.TRUE.equals(ssh.generated()))
                        .secretChanged("sshKey", true));
        return IntegrationDetails.of(saved);
    }

    /**
     * Saves the Overview of an SSH integration; {@code newKey} replaces the stored key when not null.
     * Version-checked like {@link #update}.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail updateSsh(UUID id, long expectedVersion, IntegrationData data, String testRepository,
            SshKeyInput newKey) {
        Integration current;
        IntegrationFields valid;
        String repository;
        try {
            current = loadAt(id, expectedVersion);
            if (!AuthMethod.SSH.name().equals(current.method())) {
                throw new IntegrationRuleViolation("method", "This integration uses a personal access token");
            }
            valid = IntegrationFields.validate(data);
            repository = IntegrationFields.checkedTestRepository(testRepository);
            if (this.repository.countByNameKeyExcept(valid.nameKey(), id) > 0) {
                throw nameInUse(valid.name());
            }
        } catch (RuntimeException e) {
            IntegrationSecrets.wipe(newKey);
            throw e;
        }
        Instant now = clock.instant();
        SshKeyColumns old = current.ssh();
        SshKeyColumns ssh = newKey != null ? IntegrationSecrets.sealKey(cipher, id, newKey, repository, now)
                : new SshKeyColumns(old.keyCiphertext(), old.keyKeyId(), old.passphraseCiphertext(), old.setAt(),
                        old.publicKey(), old.fingerprintSha256(), old.fingerprintMd5(), old.keyDescription(),
                        old.generated(), repository);
        AuditDetails diff = valid.changesFrom(current)
                .change("testRepository", old == null ? null : old.testRepository(), repository);
        if (newKey != null) {
            diff.change("sshKeyFingerprint", old == null ? null : old.fingerprintSha256(), ssh.fingerprintSha256());
        }
        if (diff.isEmpty() && newKey == null) {
            return IntegrationDetails.of(current);
        }
        diff.secretChanged("sshKey", newKey != null);
        Integration saved = save(valid.applyTo(current).withPat(null, null, null, null).withSsh(ssh)
                .changedBy(now, CurrentUser.username()), valid.name());
        Target target = Target.integration(id, valid.name());
        audit.record(AuditAction.INTEGRATION_UPDATED, AuditOutcome.SUCCESS, target, diff);
        if (newKey != null) {
            audit.record(AuditAction.SECRET_SET, AuditOutcome.SUCCESS, target,
                    AuditDetails.of().secretChanged("sshKey", true));
        }
        return IntegrationDetails.of(saved);
    }

    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail setEnabled(UUID id, long expectedVersion, boolean enabled) {
        Integration current = loadAt(id, expectedVersion);
        if (current.enabled() == enabled) {
            return IntegrationDetails.of(current);
        }
        Instant now = clock.instant();
        Integration saved = save(current.withEnabled(enabled).changedBy(now, CurrentUser.username()), current.name());
        audit.record(enabled ? AuditAction.INTEGRATION_ENABLED : AuditAction.INTEGRATION_DISABLED,
                AuditOutcome.SUCCESS, Target.integration(id, current.name()),
                AuditDetails.of().change("enabled", !enabled, enabled));
        return IntegrationDetails.of(saved);
    }

    /** Deletes an integration (admins). {@code confirmation} must repeat its name exactly. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void delete(UUID id, long expectedVersion, String confirmation) {
        Integration current = loadAt(id, expectedVersion);
        if (confirmation == null || !current.name().equals(confirmation.strip())) {
            throw new IntegrationRuleViolation("confirmation", "Type the integration's name, " + current.name()
                    + ", to confirm");
        }
        try {
            repository.delete(current);
        } catch (OptimisticLockingFailureException e) {
            throw concurrentEdit(id);
        }
        audit.record(AuditAction.INTEGRATION_DELETED, AuditOutcome.SUCCESS, Target.integration(id, current.name()),
                AuditDetails.of().put("name", current.name()).put("organization", current.organization()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Integration loadAt(UUID id, long expectedVersion) {
        Integration current = repository.findById(id).orElseThrow(ConcurrentEditException::ofDeleted);
        if (current.version() != expectedVersion) {
            throw new ConcurrentEditException(current.updatedBy(), current.updatedAt());
        }
        return current;
    }

    private Integration save(Integration integration, String name) {
        try {
            return repository.save(integration);
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(NAME_CONSTRAINT)) {
                throw nameInUse(name);
            }
            throw e;
        } catch (OptimisticLockingFailureException e) {
            throw concurrentEdit(integration.id());
        }
    }

    private ConcurrentEditException concurrentEdit(UUID id) {
        return repository.findById(id).map(i -> new ConcurrentEditException(i.updatedBy(), i.updatedAt()))
                .orElseGet(ConcurrentEditException::ofDeleted);
    }

    private static IntegrationRuleViolation nameInUse(String name) {
        return new IntegrationRuleViolation("name", "Integration Name \"" + name + "\" is already in use");
    }
}
