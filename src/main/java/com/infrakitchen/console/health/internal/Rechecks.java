package com.infrakitchen.console.health.internal;

import com.infrakitchen.console.health.HealthProperties;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.security.SystemActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * One scheduled re-check of one integration, as db-scheduler's worker thread runs it ({@link RecheckTask}): the
 * same test as Test Connection of the stored values ({@link CheckService#testScheduled}), run as the actor
 * {@code system}, waited for on the worker thread (so the worker threads bound how many run at once), then the
 * integration's next slot ({@link RecheckSchedule}). An integration that was disabled or deleted meanwhile is not
 * tested and has no next slot: its re-check is removed.
 */
@Component
public class Rechecks {

    /** Longer than any check can take (its requests are bounded by app.azure-devops.* timeouts). */
    static final Duration LONGEST_CHECK = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Rechecks.class);

    private final CheckService checks;
    private final ScheduledTaskStore store;
    private final HealthProperties properties;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;

    Rechecks(CheckService checks, ScheduledTaskStore store, HealthProperties properties, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> security) {
        this.checks = checks;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Re-checks the integration planned for {@code plannedAt}; returns what happened and its next slot (empty:
     * not to be re-checked again).
     */
    public Outcome run(UUID integrationId, Instant plannedAt) {
        if (!store.enabled(integrationId)) {
            return new Outcome(null, Duration.ZERO, Optional.empty());
        }
        Instant startedAt = clock.instant();
        Duration lag = startedAt.isAfter(plannedAt) ? Duration.between(plannedAt, startedAt) : Duration.ZERO;
        CheckRun run = SystemActor.call(security, () -> checks.testScheduled(integrationId));
        CheckResult result;
        try {
            result = run.result().get(LONGEST_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel();
            log.warn("Scheduled re-check of integration {} did not end within {}: cancelled", integrationId,
                    LONGEST_CHECK);
            result = null;
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Scheduled re-check of integration " + integrationId + " interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Scheduled re-check of integration " + integrationId + " failed",
                    e.getCause());
        }
        return new Outcome(result, lag, next(integrationId));
    }

    /** The integration's next slot after the clock's now, or empty when it is disabled or gone. */
    public Optional<Instant> next(UUID integrationId) {
        if (!store.enabled(integrationId)) {
            return Optional.empty();
        }
        return Optional.of(firstSlot(integrationId));
    }

    /** The integration's first slot after the clock's now, whether or not it is enabled. */
    public Instant firstSlot(UUID integrationId) {
        return RecheckSchedule.nextAfter(clock.instant(), integrationId, properties.checkInterval());
    }

    /**
     * What one re-check did.
     *
     * @param result the test's result; null when nothing was tested (disabled, gone, or it did not end in time)
     * @param lag    how late it started behind its planned slot
     * @param next   the next slot; empty when the integration is no longer to be re-checked
     */
    public record Outcome(@Nullable CheckResult result, Duration lag, Optional<Instant> next) {
    }
}
