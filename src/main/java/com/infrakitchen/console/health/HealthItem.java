package com.infrakitchen.console.health;

import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One enabled integration that needs attention.
 *
 * @param attention     the worst reason (what its row's badge says)
 * @param outcome       the outcome of its newest stored test, null when never tested
 * @param headline      the headline of that test's diagnosis, null when never tested
 * @param lastChecked   when that test ran, null when never tested
 * @param failingSince  when failing: the time of the oldest result of the current unbroken run of failures
 * @param expiring      whether its token expires within {@value HealthService#EXPIRING_DAYS} days (or expired)
 * @param stale         whether its newest test is older than twice the check interval
 */
public record HealthItem(
        UUID id,
        String name,
        Attention attention,
        @Nullable CheckOutcome outcome,
        @Nullable String headline,
        @Nullable Instant lastChecked,
        @Nullable Instant failingSince,
        @Nullable LocalDate tokenExpiresOn,
        boolean expiring,
        boolean stale,
        Instant createdAt) {
}
