package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.integration.StoredCredentialService;
import com.infrakitchen.console.integration.StoredCredentials;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
import com.infrakitchen.console.secret.SecretUnreadableException;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Test Connection: decides what a request tests (the form's values, or the stored ones), picks the checker of the
 * integration's provider and credential kind, and hands the test to {@link CheckRunner} (limits, its own thread,
 * audit of every attempt, stored results of saved integrations). A test of unsaved values is never stored as the
 * integration's result: it is shown in the form only.
 */
@Service
public class CheckService {

    private final Checkers checkers;
    private final StoredCredentialService storedCredentials;
    private final IntegrationProviders providers;
    private final CheckRecordStore store;
    private final CheckRunner runner;
    private final List<ScheduledRunProbe> scheduledRuns;

    CheckService(List<ConnectionChecker<?>> checkers, StoredCredentialService storedCredentials,
            IntegrationProviders providers, CheckRecordStore store, CheckRunner runner,
            List<ScheduledRunProbe> scheduledRuns) {
        this.checkers = new Checkers(checkers);
        this.storedCredentials = storedCredentials;
        this.providers = providers;
        this.store = store;
        this.runner = runner;
        this.scheduledRuns = List.copyOf(scheduledRuns);
    }

    /**
     * Tests what a form holds now (see {@link TestRequest}). An unsaved form is tested with the credential it holds;
     * a saved integration with the stored credential, unless the form differs from what is stored (another
     * organization or test repository, a new token or key): then those values are tested, and the result is shown
     * and audited but not stored as the integration's. The secrets are wiped when the test ends.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public CheckRun test(TestRequest request) {
        if (!request.saved()) {
            if (!(request.credential() instanceof CredentialChange.Replace(CredentialInput input))) {
                wipe(request.credential());
                throw new IllegalArgumentException("An unsaved form's test needs the credential it holds");
            }
            String organization = request.typedOrganization() == null ? "" : request.typedOrganization();
            return start("form:" + request.formKey(), Target.unsavedIntegration(request.typedName()), null,
                    providers.defaultProvider().id(), organization, input, null, request.trigger());
        }
        return testSaved(request);
    }

    /**
     * The health scheduler's re-check of a saved integration exactly as stored: the same check, limits of its own
     * (see {@link CheckThrottle#acquireScheduled}), audit with the actor {@code system} and the trigger
     * {@link CheckTrigger#SCHEDULED}, and a stored result, also when the stored secret does not open. Only the
     * console itself may call it ({@link com.infrakitchen.console.security.SystemActor}).
     */
    @PreAuthorize(Roles.SCHEDULER_ONLY)
    public CheckRun testScheduled(UUID integrationId) {
        return testSaved(TestRequest.ofStored(integrationId).startedBy(CheckTrigger.SCHEDULED));
    }

    /**
     * A key for the values a request would test, never revealing them: equal keys mean a result of one is a result
     * of the other (the form shows a result only while the key of its values is the one tested). The request's new
     * secret, if any, is wiped. Open to viewers: their detail page shows stored results by it, and it reveals
     * nothing.
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public String valuesKey(TestRequest request) {
        String organization = request.typedOrganization() == null ? "" : request.typedOrganization()
                .toLowerCase(Locale.ROOT);
        try {
            return switch (request.credential()) {
                case CredentialChange.Replace(CredentialInput input) -> CheckFingerprint.of(organization, input);
                case CredentialChange.Keep(var settings) -> "stored|" + request.integrationId() + "@"
                        + request.loadedVersion() + "|" + organization + "|" + settings.testedText();
                case CredentialChange.Clear c -> "cleared|" + request.integrationId();
                case null -> request.saved() ? "stored|" + request.integrationId() : "none|" + organization;
            };
        } finally {
            wipe(request.credential());
        }
    }

    /**
     * A saved integration, read once. What differs from the stored values (another organization or test repository,
     * a new token or key) is an unsaved edit: it is tested, shown and audited, but not stored as the integration's
     * result.
     */
    private CheckRun testSaved(TestRequest request) {
        UUID id = request.integrationId();
        CredentialChange change = request.credential();
        StoredCredentials stored;
        try {
            stored = storedCredentials.credentialsForTest(id).orElseThrow(() -> new NoSuchElementException(
                    "No integration " + id));
            if (change != null && change.method() != stored.credential().method()) {
                stored.wipe();
                throw new IllegalArgumentException("A " + change.method().label() + " credential cannot test an"
                        + " integration that uses " + stored.credential().method().label());
            }
            if (change instanceof CredentialChange.Clear) {
                stored.wipe();
                throw new IllegalArgumentException("The credential is set to be cleared: there is nothing to test");
            }
        } catch (RuntimeException e) {
            wipe(change);
            throw e;
        }
        String typed = request.typedOrganization();
        // A cleared field is an edit too: it is tested (and refused locally), never replaced by the stored name.
        boolean sameOrganization = typed == null || typed.equalsIgnoreCase(stored.organization());
        String organization = sameOrganization ? stored.organization() : typed;
        CredentialInput input = switch (change) {
            case CredentialChange.Replace(CredentialInput replacement) -> replacement;
            case CredentialChange.Keep(var settings) -> stored.credential().withTestedSettings(settings);
            case null, default -> stored.credential();
        };
        if (change instanceof CredentialChange.Replace) {
            stored.wipe();
        } else if (stored.unreadable() != null) {
            return runner.refused(id, stored.name(), stored.unreadable().reason()
                    == SecretUnreadableException.Reason.NOT_FOR_THIS_PLACE
                    ? CheckCategory.SECRET_NOT_FOR_THIS_INTEGRATION : CheckCategory.SECRET_UNREADABLE, organization,
                    stored.credentialSetAt(), request.trigger());
        }
        if (request.trigger() != CheckTrigger.SCHEDULED
                && scheduledRuns.stream().anyMatch(probe -> probe.running(id))) {
            input.wipe();
            stored.wipe();
            return runner.alreadyRunning(Target.integration(id, stored.name()), organization);
        }
        boolean asSaved = sameOrganization && !(change instanceof CredentialChange.Replace)
                && input.settings().testedText().equals(stored.credential().settings().testedText());
        return start("integration:" + id, Target.integration(id, stored.name()), asSaved ? id : null,
                stored.provider(), organization, input, stored.credentialSetAt(), request.trigger());
    }

    private CheckRun start(String key, Target target, @Nullable UUID storeFor, String provider, String organization,
            CredentialInput input, @Nullable Instant credentialSetAt, CheckTrigger trigger) {
        Checkers.Bound bound;
        String fingerprint;
        try {
            bound = checkers.bind(provider, input);
            fingerprint = CheckFingerprint.of(organization, input);
        } catch (RuntimeException e) {
            input.wipe();
            throw e;
        }
        String tested = input.settings().testedText();
        return runner.start(key, target, storeFor, organization, tested.isEmpty() ? null : tested, credentialSetAt,
                fingerprint, bound.failsLocally(organization), trigger,
                c -> withoutSecrets(input, c, inner -> bound.check(organization, fingerprint, inner)), input::wipe);
    }

    /**
     * Runs {@code check} with the credential's secrets removed from all it reports ({@link SecretRedaction}): the
     * steps as they complete and the result, before anything is shown, audited or stored. The checker gets its own
     * handle, cancelled with the run's, whose steps reach the run's listeners scrubbed.
     */
    private static CheckResult withoutSecrets(CredentialInput input, Cancellation run,
            Function<Cancellation, CheckResult> check) {
        SecretRedaction redaction = SecretRedaction.of(input.transmittedSecrets());
        try {
            Cancellation checker = new Cancellation();
            run.onCancel(checker::cancel);
            checker.onStep(step -> run.stepDone(redaction.scrub(step)));
            return redaction.scrub(check.apply(checker));
        } finally {
            redaction.wipe();
        }
    }

    /**
     * Keeps the result of a form test for the integration that form just created, when it tested exactly
     * the values now stored (same fingerprint of organization and credential): the user need not test twice.
     * Returns whether it was kept.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public boolean keepFormResult(UUID integrationId, @Nullable CheckResult result) {
        if (result == null || result.fingerprint() == null || result.category() == CheckCategory.CANCELLED
                || result.steps().isEmpty()) {
            return false;
        }
        StoredCredentials stored = storedCredentials.credentialsForTest(integrationId).orElse(null);
        if (stored == null) {
            return false;
        }
        String tested;
        try {
            if (!stored.hasSecret()
                    || !result.fingerprint().equals(CheckFingerprint.of(stored.organization(), stored.credential()))) {
                return false;
            }
            tested = stored.credential().settings().testedText();
        } finally {
            stored.wipe();
        }
        return store.insert(new CheckRecord(UUID.randomUUID(), integrationId, result.startedAt(), CheckTrigger.FORM,
                CurrentUser.username(), result.category(), result.durationMillis(), result.organization(),
                stored.credentialSetAt(), tested.isEmpty() ? null : tested, result.identity(), result.projectCount(),
                result.repositoryCount(), result.steps(), result.decisive()));
    }

    /** The newest stored result of each of these integrations that has one. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public Map<UUID, LatestCheck> latest(Collection<UUID> integrationIds) {
        return store.latest(integrationIds);
    }

    /** Stored results of one integration, newest first. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<CheckRecord> history(UUID integrationId, int limit) {
        return store.history(integrationId, limit);
    }

    /**
     * One page of an integration's stored results, newest first; only those that ended with {@code outcome} when it
     * is given (null: all). Open to viewers, as {@link #history} is.
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<CheckRecord> historyPage(UUID integrationId, @Nullable CheckOutcome outcome, int offset, int limit) {
        return store.page(integrationId, outcome, offset, limit);
    }

    /** How many stored results {@link #historyPage} can page through with this filter. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public long historyCount(UUID integrationId, @Nullable CheckOutcome outcome) {
        return store.count(integrationId, outcome);
    }

    /** The outcome and duration of each stored test since {@code since}, oldest first (for the chart). */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<CheckSample> samplesSince(UUID integrationId, Instant since) {
        return store.samplesSince(integrationId, since);
    }

    /** The integration's stored connection status and since when it holds, empty when never tested. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public Optional<ConnectionState> connectionState(UUID integrationId) {
        return store.connectionState(integrationId);
    }

    /** The integration's newest changes of connection outcome, newest first. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<StatusChange> statusChanges(UUID integrationId, int limit) {
        return store.statusChanges(integrationId, limit);
    }

    private static void wipe(@Nullable CredentialChange change) {
        if (change != null) {
            change.wipe();
        }
    }
}
