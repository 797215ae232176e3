package com.infrakitchen.console.health;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /health} shows.
 *
 * @param items       the integrations that need attention, worst first
 * @param newestCheck when the newest stored test of an enabled integration ran, null when none was ever tested
 * @param enabled     how many integrations are enabled
 */
public record HealthReport(List<HealthItem> items, HealthCounts counts, java.time.@Nullable Instant newestCheck,
        long enabled) {

    public boolean allWell() {
        return items.isEmpty();
    }
}
