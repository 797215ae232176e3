package com.infrakitchen.console.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.health.*}.
 *
 * @param checkInterval   how often every enabled integration is re-tested by the scheduler (docs/decisions/0014);
 *                        one not tested for longer than twice this is shown as stale on {@code /health}
 * @param maxConcurrent   at most this many scheduled re-checks at once on each instance (db-scheduler's worker
 *                        threads; manual tests have their own limits, {@code app.checks.*})
 * @param scheduledChecks whether this instance schedules and runs re-checks at all (on by default; the test suite
 *                        turns it off except where it tests the scheduler)
 */
@ConfigurationProperties("app.health")
public record HealthProperties(@DefaultValue("PT6H") Duration checkInterval, @DefaultValue("4") int maxConcurrent,
        @DefaultValue("true") boolean scheduledChecks) {

    public HealthProperties {
        if (checkInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("app.health.check-interval must be at least one second, not "
                    + checkInterval);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("app.health.max-concurrent must be at least 1, not " + maxConcurrent);
        }
    }

    /** A check older than this (twice the interval) is stale. */
    public Duration staleAfter() {
        return checkInterval.multipliedBy(2);
    }
}
