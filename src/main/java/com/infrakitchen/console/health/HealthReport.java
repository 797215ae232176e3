package com.infrakitchen.console.health;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /health} shows.
 *
 * @param items       the integrations that need attention, worst first, at most {@link HealthService#MAX_ROWS}
 * @param counts      how many are in each state
 * @param total       how many need attention (an integration in several states counts once)
 * @param newestCheck when the newest stored test of an enabled integration ran, null when none was ever tested
 * @param anyEnabled  whether any integration is enabled (the empty state says so when none is)
 * @param schedule    how the scheduler re-checks them
 */
public record HealthReport(List<HealthItem> items, HealthCounts counts, long total, java.time.@Nullable Instant newestCheck,
        boolean anyEnabled, Schedule schedule) {

    /**
     * The scheduled re-checks as this instance sees them.
     *
     * @param on           whether re-checks run ({@code app.health.scheduled-checks})
     * @param interval     {@code app.health.check-interval}
     * @param lastFinished when the newest scheduled re-check finished on any instance, null when none did yet
     */
    public record Schedule(boolean on, java.time.Duration interval, java.time.@Nullable Instant lastFinished) {
    }

    public boolean allWell() {
        return total == 0;
    }
}
