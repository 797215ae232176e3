package com.infrakitchen.console.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.health.*}.
 *
 * @param checkInterval how often an enabled integration is meant to be tested; one not tested for longer than twice
 *                      this is shown as stale on {@code /health}. (The scheduler that tests on this interval is
 *                      not built yet.)
 */
@ConfigurationProperties("app.health")
public record HealthProperties(@DefaultValue("PT6H") Duration checkInterval) {

    /** A check older than this (twice the interval) is stale. */
    public Duration staleAfter() {
        return checkInterval.multipliedBy(2);
    }
}
