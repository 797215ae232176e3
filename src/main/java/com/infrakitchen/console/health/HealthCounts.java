package com.infrakitchen.console.health;

/**
 * How many enabled integrations are in each state. The states overlap (a failing integration may also have an
 * expiring token), so the counts are of each state on its own, not of rows.
 */
public record HealthCounts(long failing, long warning, long expiring, long neverTested, long stale) {
}
