package com.infrakitchen.console.integration;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.IntegrationQueries;
import com.infrakitchen.console.integration.internal.IntegrationRepository;
import com.infrakitchen.console.integration.internal.StoredCredential;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrations: the public, secured API. Every rule of docs/product.md section 4 is checked here, whatever the form
 * did (the organization's and the credential's by the integration's provider); the unique name is finally decided
 * by the {@code uq_integration_name_key} constraint; edits and deletes are version-checked; secrets are encrypted
 * before they are stored and never returned. What differs between kinds of credential is {@link
 * IntegrationCredentials}'s business, not this class's.
 */
@Service
@Transactional
public class IntegrationService {

    public static final int MAX_PAGE_SIZE = 200;
    static final String NAME_CONSTRAINT = "uq_integration_name_key";

    private final IntegrationRepository repository;
    private final IntegrationQueries queries;
    private final IntegrationCredentials credentials;
    private final IntegrationProviders providers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntegrationService(IntegrationRepository repository, IntegrationQueries queries, SecretCipher cipher,
            IntegrationProviders providers, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.credentials = new IntegrationCredentials(cipher);
        this.providers = providers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<IntegrationSummary> find(@Nullable IntegrationFilter filter, @Nullable IntegrationSort sort, int offset,
            int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return queries.find(filter == null ? IntegrationFilter.NONE : filter,
                sort == null ? IntegrationSort.DEFAULT : sort, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    @Transactional(readOnly = true)
    public long count(@Nullable IntegrationFilter filter) {
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
    public boolean nameTaken(@Nullable String name, @Nullable UUID except) {
        String key = IntegrationRules.nameKey(IntegrationRules.normaliseName(name));
        return except == null ? repository.countByNameKey(key) > 0 : repository.countByNameKeyExcept(key, except) > 0;
    }

    // ---- changing -------------------------------------------------------------------------------

    /**
     * Creates an integration of the default provider with this credential (a token, a key...), checked against
     * every rule and sealed; the credential is wiped whatever happens.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail create(@Nullable IntegrationData data, @Nullable CredentialInput credential) {
        IntegrationProvider provider = providers.defaultProvider();
        IntegrationFields valid;
        try {
            valid = IntegrationFields.validate(data, provider);
            if (credential == null) {
                throw new IntegrationRuleViolation("credential", "A credential is required");
            }
            IntegrationCredentials.check(provider, credential, LocalDate.now(clock));
            if (repository.countByNameKey(valid.nameKey()) > 0) {
                throw nameInUse(valid.name());
            }
        } catch (RuntimeException e) {
            if (credential != null) {
                credential.wipe();
            }
            throw e;
        }
        UUID id = UUID.randomUUID();
        StoredCredential sealed = credentials.seal(id, provider, credential, clock.instant());
        Integration saved = save(Integration.create(id, valid.columns(), valid.labelRows(), provider.id(), sealed));
        audit.record(AuditAction.INTEGRATION_CREATED, AuditOutcome.SUCCESS, Target.integration(id, valid.name()),
                CredentialAudit.created(sealed, AuditDetails.of().put("name", valid.name())
                        .put("organization", valid.organization()).put("method", saved.method())
                        .put("labels", String.join(",", valid.labels()))
                        .put("description", valid.description() == null ? "" : valid.description())));
        events.publishEvent(new IntegrationLifecycle(id, saved.enabled()));
        return IntegrationDetails.of(saved);
    }

    /**
     * Saves the Overview form: its fields and what it does to the credential (keep it with these settings, replace
     * it, clear it). {@code expectedVersion} is the version the editor loaded: if someone else saved since, nothing
     * is written and {@link ConcurrentEditException} says who and when.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail update(UUID id, long expectedVersion, @Nullable IntegrationData data,
            CredentialChange change) {
        Integration current;
        IntegrationFields valid;
        IntegrationProvider provider;
        try {
            current = loadAt(id, expectedVersion);
            provider = providers.get(current.provider());
            IntegrationCredentials.refuseOtherKind(current.credential(), change);
            valid = IntegrationFields.validate(data, provider);
            IntegrationCredentials.checkSettings(provider, change, LocalDate.now(clock));
            if (repository.countByNameKeyExcept(valid.nameKey(), id) > 0) {
                throw nameInUse(valid.name());
            }
        } catch (RuntimeException e) {
            change.wipe();
            throw e;
        }
        StoredCredential before = current.credential();
        StoredCredential after = credentials.apply(id, provider, before, change, clock.instant());
        boolean secretChanged = IntegrationCredentials.secretChanged(before, change);
        AuditDetails diff = CredentialAudit.changes(before, after, secretChanged, valid.changesFrom(current));
        if (diff.isEmpty() && !secretChanged) {
            return IntegrationDetails.of(current);
        }
        String secret = CredentialAudit.secretName(after);
        diff.secretChanged(secret, secretChanged);
        Integration saved = save(valid.applyTo(current).withCredential(after));
        Target target = Target.integration(id, valid.name());
        audit.record(AuditAction.INTEGRATION_UPDATED, AuditOutcome.SUCCESS, target, diff);
        if (secretChanged) {
            audit.record(after.hasSecret() ? AuditAction.SECRET_SET : AuditAction.SECRET_CLEARED,
                    AuditOutcome.SUCCESS, target, AuditDetails.of().secretChanged(secret, true));
        }
        return IntegrationDetails.of(saved);
    }

    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public IntegrationDetail setEnabled(UUID id, long expectedVersion, boolean enabled) {
        Integration current = loadAt(id, expectedVersion);
        if (current.enabled() == enabled) {
            return IntegrationDetails.of(current);
        }
        Integration saved = save(current.withEnabled(enabled));
        audit.record(enabled ? AuditAction.INTEGRATION_ENABLED : AuditAction.INTEGRATION_DISABLED,
                AuditOutcome.SUCCESS, Target.integration(id, current.name()),
                AuditDetails.of().change("enabled", !enabled, enabled));
        events.publishEvent(new IntegrationLifecycle(id, enabled));
        return IntegrationDetails.of(saved);
    }

    /** Deletes an integration (admins). {@code confirmation} must repeat its name exactly. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void delete(UUID id, long expectedVersion, @Nullable String confirmation) {
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
                AuditDetails.of().put("name", current.name()).put("organization", current.fields().organization()));
        events.publishEvent(new IntegrationLifecycle(id, false));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Integration loadAt(UUID id, long expectedVersion) {
        Integration current = repository.findById(id).orElseThrow(ConcurrentEditException::ofDeleted);
        if (current.version() != expectedVersion) {
            throw new ConcurrentEditException(current.changes().updatedBy(), current.changes().updatedAt());
        }
        return current;
    }

    private Integration save(Integration integration) {
        try {
            Integration saved = repository.save(integration);
            queries.refreshDerived(saved.id());
            return saved;
        } catch (DuplicateKeyException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(NAME_CONSTRAINT)) {
                throw nameInUse(integration.name());
            }
            throw e;
        } catch (OptimisticLockingFailureException e) {
            throw concurrentEdit(integration.id());
        }
    }

    private ConcurrentEditException concurrentEdit(UUID id) {
        return repository.findById(id)
                .map(i -> new ConcurrentEditException(i.changes().updatedBy(), i.changes().updatedAt()))
                .orElseGet(ConcurrentEditException::ofDeleted);
    }

    private static IntegrationRuleViolation nameInUse(String name) {
        return new IntegrationRuleViolation("name", "Integration Name \"" + name + "\" is already in use");
    }
}
