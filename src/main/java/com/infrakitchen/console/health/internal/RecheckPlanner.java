package com.infrakitchen.console.health.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.infrakitchen.console.health.HealthProperties;
import com.infrakitchen.console.integration.IntegrationLifecycle;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one scheduled re-check per enabled integration in db-scheduler's table: scheduled at the integration's
 * next slot when it is created or enabled (in the transaction that saves it), cancelled when it is disabled or
 * deleted (a re-check running at that moment removes itself when it ends, see {@link Rechecks#next}), and, once at
 * start-up, scheduled for every enabled integration that has none (integrations from before this feature, or
 * written by other means).
 */
@Component
class RecheckPlanner {

    private static final Logger log = LoggerFactory.getLogger(RecheckPlanner.class);
    private static final int BATCH = 500;

    private final SchedulerClient scheduler;
    private final ScheduledTaskStore store;
    private final Rechecks rechecks;
    private final HealthProperties properties;

    RecheckPlanner(SchedulerClient scheduler, ScheduledTaskStore store, Rechecks rechecks,
            HealthProperties properties) {
        this.scheduler = scheduler;
        this.store = store;
        this.rechecks = rechecks;
        this.properties = properties;
    }

    @EventListener
    void onLifecycle(IntegrationLifecycle event) {
        if (!properties.scheduledChecks()) {
            return;
        }
        UUID id = event.integrationId();
        if (event.active()) {
            scheduler.scheduleIfNotExists(RecheckTask.instance(id), rechecks.firstSlot(id));
        } else if (scheduler.getScheduledExecution(RecheckTask.instance(id)).filter(e -> !e.isPicked())
                .isPresent()) {
            try {
                scheduler.cancel(RecheckTask.instance(id));
            } catch (RuntimeException e) {
                // Picked meanwhile: the running re-check finds the integration disabled or gone and removes itself.
                log.debug("Re-check of {} could not be cancelled now ({}); it removes itself when it ends", id,
                        e.getMessage());
            }
        }
    }

    /**
     * At start-up, in the background (readiness does not wait for it: after an upgrade it may schedule a whole
     * fleet): {@link #catchUp}.
     */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpInBackground() {
        if (properties.scheduledChecks()) {
            Thread.ofVirtual().name("recheck-catch-up").start(() -> {
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    log.warn("Could not schedule the re-checks of integrations that had none; the next start tries"
                            + " again", e);
                }
            });
        }
    }

    /** Schedules a re-check for every enabled integration that has none; returns how many it scheduled. */
    public int catchUp() {
        if (!properties.scheduledChecks()) {
            return 0;
        }
        int scheduled = 0;
        List<UUID> missing;
        int added;
        do {
            missing = store.enabledWithoutRecheck(BATCH);
            added = 0;
            for (UUID id : missing) {
                if (scheduler.scheduleIfNotExists(RecheckTask.instance(id), rechecks.firstSlot(id))) {
                    added++;
                }
            }
            scheduled += added;
            // another instance scheduling the same ones at once: it has them, this one stops
        } while (missing.size() == BATCH && added > 0);
        if (scheduled > 0) {
            log.info("Scheduled re-checks for {} enabled integrations that had none (every {}, spread over the"
                    + " interval)", scheduled, properties.checkInterval());
        }
        return scheduled;
    }
}
