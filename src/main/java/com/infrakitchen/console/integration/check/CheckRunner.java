package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.security.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How a test runs once {@link CheckService} has decided what to test: the limits (docs/security.md 3.6), a virtual
 * thread per test, cancellation, the audit record of every attempt and the stored result of a saved integration.
 * Called only by {@link CheckService}, which is where access is checked.
 */
@Component
class CheckRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final CheckRecordStore store;
    private final CheckThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("connection-test-", 0).factory());
    private final Set<Cancellation> inFlight = ConcurrentHashMap.newKeySet();
    @Autowired(required = false) private List<CheckObserver> observers = List.of(); // metrics (issue 12)

    CheckRunner(CheckRecordStore store, CheckThrottle throttle, AuditTrail audit, Clock clock) {
        this.store = store;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A test refused before it ran (the stored secret does not open): audited as a failure, nothing sent. A
     * scheduled re-check stores it as the integration's result, so that {@code /health} shows it; a person sees it
     * on screen.
     */
    CheckRun refused(UUID integrationId, String name, CheckCategory category, String organization,
            @Nullable Instant credentialSetAt, CheckTrigger trigger) {
        Instant now = clock.instant();
        CheckResult result = new CheckResult(category, organization, null, null, null, List.of(), null, now, 0,
                null);
        AuditTrail.Actor actor = audit.currentActor();
        if (trigger == CheckTrigger.SCHEDULED) {
            finish(actor, Target.integration(integrationId, name), integrationId, credentialSetAt, null, trigger,
                    result);
        } else {
            audit.recordAs(actor, AuditAction.CONNECTION_TESTED, AuditOutcome.FAILURE,
                    Target.integration(integrationId, name), details(result));
        }
        return new CheckRun(now, CompletableFuture.completedFuture(result), new Cancellation());
    }

    /**
     * A manual test of an integration whose scheduled re-check is running (on this instance or another): refused
     * with the same answer as a second manual test, audited as denied, nothing sent.
     */
    CheckRun alreadyRunning(Target target, String organization) {
        Instant now = clock.instant();
        CheckResult refused = new CheckResult(CheckCategory.TEST_ALREADY_RUNNING, organization, null, null, null,
                List.of(), null, now, 0, null);
        audit.recordAs(audit.currentActor(), AuditAction.CONNECTION_TESTED, AuditOutcome.DENIED, target,
                details(refused));
        return new CheckRun(now, CompletableFuture.completedFuture(refused), new Cancellation());
    }

    /**
     * Runs {@code work} for {@code target}: at once when the values fail locally (no request, no limit taken), else
     * within the limits on a virtual thread; audits every attempt and stores the result for {@code storeFor}.
     */
    CheckRun start(String key, Target target, @Nullable UUID storeFor, String organization,
            @Nullable String testRepository, @Nullable Instant credentialSetAt, String fingerprint, boolean local,
            CheckTrigger trigger, Function<Cancellation, CheckResult> work, Runnable wipe) {
        AuditTrail.Actor actor = audit.currentActor();
        Instant startedAt = clock.instant();
        Cancellation cancellation = new Cancellation();
        if (local) {
            // The checker refuses these values before any request: its answer says what is wrong, not "too many".
            CheckResult r;
            try {
                r = runWork(work, cancellation, organization, startedAt, fingerprint);
            } finally {
                wipe.run();
            }
            finish(actor, target, storeFor, credentialSetAt, testRepository, trigger, r);
            return new CheckRun(startedAt, CompletableFuture.completedFuture(r), cancellation);
        }
        var refusal = trigger == CheckTrigger.SCHEDULED ? throttle.acquireScheduled(key)
                : throttle.acquire(CurrentUser.username(), key);
        if (refusal.isPresent()) {
            wipe.run();
            CheckResult refused = new CheckResult(refusal.get(), organization, null, null, null, List.of(), null,
                    startedAt, 0, fingerprint);
            audit.recordAs(actor, AuditAction.CONNECTION_TESTED, AuditOutcome.DENIED, target, details(refused));
            return new CheckRun(startedAt, CompletableFuture.completedFuture(refused), cancellation);
        }
        inFlight.add(cancellation);
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                CheckResult r;
                try {
                    r = runWork(work, cancellation, organization, startedAt, fingerprint);
                } finally {
                    wipe.run();
                    throttle.release(key);
                    inFlight.remove(cancellation);
                }
                finish(actor, target, storeFor, credentialSetAt, testRepository, trigger, r);
                result.complete(r);
            });
        } catch (RuntimeException e) {
            // The executor is shut down: the application is stopping.
            wipe.run();
            throttle.release(key);
            inFlight.remove(cancellation);
            result.complete(new CheckResult(CheckCategory.CANCELLED, organization, null, null, null, List.of(), null,
                    startedAt, 0, fingerprint));
        }
        return new CheckRun(startedAt, result, cancellation, storeFor != null);
    }

    /** The checker's answer; a bug inside the console becomes an internal-error result, never an exception. */
    private static CheckResult runWork(Function<Cancellation, CheckResult> work, Cancellation cancellation,
            String organization, Instant startedAt, String fingerprint) {
        try {
            return work.apply(cancellation);
        } catch (RuntimeException e) {
            log.error("Connection test failed inside the console", e);
            return new CheckResult(CheckCategory.INTERNAL_ERROR, organization, null, null, null, List.of(), null,
                    startedAt, 0, fingerprint);
        }
    }

    private void finish(AuditTrail.Actor actor, Target target, @Nullable UUID storeFor,
            @Nullable Instant credentialSetAt, @Nullable String testRepository, CheckTrigger trigger, CheckResult r) {
        CheckObserver.notifyAll(observers, trigger, r);
        try {
            audit.recordAs(actor, AuditAction.CONNECTION_TESTED,
                    r.outcome() == CheckOutcome.FAILED ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, target,
                    details(r));
            if (storeFor != null && r.category() != CheckCategory.CANCELLED) {
                store.insert(new CheckRecord(UUID.randomUUID(), storeFor, r.startedAt(), trigger,
                        actor.name(), r.category(), r.durationMillis(), r.organization(), credentialSetAt,
                        testRepository, r.identity(), r.projectCount(), r.repositoryCount(), r.steps(), r.decisive()));
            }
        } catch (RuntimeException e) {
            log.error("Could not record the result of a connection test", e);
        }
    }

    private static AuditDetails details(CheckResult r) {
        AuditDetails d = AuditDetails.of().put("outcome", r.outcome().name()).put("category", r.category().name())
                .put("durationMs", r.durationMillis());
        if (r.organization() != null) {
            d.put("organization", r.organization());
        }
        return d;
    }

    /** Stops every test in flight when the application stops (docs/security.md 6.3 H-19). */
    @PreDestroy
    void shutdown() {
        inFlight.forEach(Cancellation::cancel);
        executor.shutdownNow();
    }
}
