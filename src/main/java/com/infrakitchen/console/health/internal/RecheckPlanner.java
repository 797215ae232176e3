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
            scheduler.cancel(RecheckTask.instance(id));
        }
    }

    /** Schedules a re-check for every enabled integration that has none; returns how many it scheduled. */
    @EventListener(ApplicationReadyEvent.class)
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
