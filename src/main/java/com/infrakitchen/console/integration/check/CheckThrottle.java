package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.check.internal.CheckLimitStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server-side limits of the Test button (docs/security.md 3.6): at most {@code perUserPerMinute} tests per
 * user in any minute, one test at a time per integration or form, and at most {@code maxConcurrent}
 * tests at once in this instance. A refused test makes no outbound call. Scheduled re-checks (the health
 * scheduler) have their own bound (its worker threads, {@code app.health.max-concurrent}) and no user: they take
 * only the "one at a time" slot of their integration ({@link #acquireScheduled}), so they never use up the
 * manual tests' limits, and a manual test while a scheduled one runs is refused as already running. The Repositories tab calls Azure DevOps
 * with the stored credential too, so each of its loads takes a slot here as a test does ({@code
 * browse.RepositoryService}).
 *
 * <p>The state is in the database ({@link CheckLimitStore}, V13; docs/decisions/0017): the per-user minute and
 * "one at a time" hold for the whole cluster (five tests a minute are five whichever instance serves the user), and
 * "at most {@code maxConcurrent} at once" counts this instance's rows (it bounds this instance's outbound work). A slot
 * is leased for {@code app.checks.claim-lease}: one left by an instance killed while testing frees itself then.
 */
@Component
public class CheckThrottle {

    private final CheckLimitStore store;
    private final Clock clock;
    private final int perUserPerMinute;
    private final int maxConcurrent;
    private final Duration lease;
    private final String instanceId = UUID.randomUUID().toString();

    public CheckThrottle(CheckLimitStore store, Clock clock,
            @Value("${app.checks.per-user-per-minute:5}") int perUserPerMinute,
            @Value("${app.checks.max-concurrent:16}") int maxConcurrent,
            @Value("${app.checks.claim-lease:PT5M}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("app.checks.claim-lease must be positive, not " + lease);
        }
        this.store = store;
        this.clock = clock;
        this.perUserPerMinute = perUserPerMinute;
        this.maxConcurrent = maxConcurrent;
        this.lease = lease;
    }

    /**
     * Takes a slot for {@code user} on {@code key}, or says why not. A taken slot must be given back with
     * {@link #release}. Synchronized: this instance's "at most at once" is counted and added to in one step.
     */
    public synchronized Optional<CheckCategory> acquire(String user, String key) {
        Instant now = clock.instant();
        if (!store.claim(key, instanceId, false, lease)) {
            return Optional.of(CheckCategory.TEST_ALREADY_RUNNING);
        }
        boolean counted;
        try {
            // this instance's tests, the one just claimed included
            if (store.manualRunning(instanceId) > maxConcurrent) {
                store.release(key, instanceId);
                return Optional.of(CheckCategory.TOO_MANY_TESTS);
            }
            counted = store.countStart(user, now, perUserPerMinute);
        } catch (RuntimeException e) {
            store.release(key, instanceId);
            throw e;
        }
        if (!counted) {
            store.release(key, instanceId);
            return Optional.of(CheckCategory.TOO_MANY_TESTS);
        }
        return Optional.empty();
    }

    /**
     * Takes the "one at a time" slot of {@code key} for a scheduled re-check (no user, no share of the manual
     * limits), or says why not: a test of it is running already. Released with {@link #release}.
     */
    public Optional<CheckCategory> acquireScheduled(String key) {
        return store.claim(key, instanceId, true, lease) ? Optional.empty()
                : Optional.of(CheckCategory.TEST_ALREADY_RUNNING);
    }

    public void release(String key) {
        store.release(key, instanceId);
    }

    int perUserPerMinute() {
        return perUserPerMinute;
    }
}
