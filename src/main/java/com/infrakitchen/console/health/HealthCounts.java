package com.infrakitchen.console.health;

import java.util.List;

/**
 * How many enabled integrations are in each state. The states overlap (a failing integration may also have an
 * expiring token), so the counts are of each state on its own, not of rows.
 */
public record HealthCounts(long failing, long warning, long expiring, long neverTested, long stale) {

    static HealthCounts of(List<HealthItem> items) {
        return new HealthCounts(
                items.stream().filter(i -> i.attention() == Attention.FAILING).count(),
                items.stream().filter(i -> i.attention() == Attention.WARNING).count(),
                items.stream().filter(HealthItem::expiring).count(),
                items.stream().filter(i -> i.lastChecked() == null).count(),
                items.stream().filter(HealthItem::stale).count());
    }
}
