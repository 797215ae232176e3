package com.infrakitchen.console.integration.check;

import java.util.UUID;

/**
 * Whether a scheduled re-check of an integration is running now, on this instance or another one sharing the
 * database. Answered by the health feature (its scheduler's table); {@link CheckService} refuses a manual test of
 * that integration meanwhile, with the same answer as a second manual test ("already running").
 */
public interface ScheduledRunProbe {

    boolean running(UUID integrationId);
}
