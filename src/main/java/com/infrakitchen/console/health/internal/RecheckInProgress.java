package com.infrakitchen.console.health.internal;

import com.infrakitchen.console.integration.check.ScheduledRunProbe;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells {@code CheckService} that an integration's scheduled re-check is running, from db-scheduler's table (the row
 * is picked while it runs, whichever instance runs it), so that a manual test meanwhile is refused on every instance.
 */
@Component
class RecheckInProgress implements ScheduledRunProbe {

    private final ScheduledTaskStore store;

    RecheckInProgress(ScheduledTaskStore store) {
        this.store = store;
    }

    @Override
    public boolean running(UUID integrationId) {
        return store.picked(integrationId);
    }
}
