package com.infrakitchen.console.health;

import com.infrakitchen.console.health.internal.FleetMetricsStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The fleet's gauges (README "Metrics"): {@value #INTEGRATIONS} by connection status and {@value #EXPIRY} by token
 * expiry bucket, over the enabled integrations. Their values come from two aggregations
 * ({@link FleetMetricsStore}) taken together and kept for {@link #REFRESH} of the application {@link Clock}: a
 * scrape reads the cached numbers, and at most one refresh runs at a time, however many scrapes (or instances'
 * gauges) ask, so a Prometheus scraping every 15 s costs one pair of queries a minute at 100,000 integrations.
 */
@Component
public class HealthMetrics implements MeterBinder {

    public static final String INTEGRATIONS = "console.integrations";
    public static final String EXPIRY = "console.integrations.expiry";

    /** How long one reading of the database is used. */
    public static final Duration REFRESH = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(HealthMetrics.class);

    private final FleetMetricsStore store;
    private final Clock clock;
    private @Nullable Snapshot snapshot;

    HealthMetrics(FleetMetricsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : FleetMetricsStore.STATUSES) {
            Gauge.builder(INTEGRATIONS, this, m -> m.current().status(status))
                    .tag("status", status)
                    .description("Enabled integrations by the status of their newest connection test")
                    .strongReference(true).register(registry);
        }
        for (String bucket : FleetMetricsStore.BUCKETS) {
            Gauge.builder(EXPIRY, this, m -> m.current().expiry(bucket))
                    .tag("bucket", bucket)
                    .description("Enabled integrations by when their token expires (expired, within 1, 7, 14 days,"
                            + " later, no date)")
                    .strongReference(true).register(registry);
        }
    }

    /**
     * The reading in use: the cached one while it is younger than {@link #REFRESH} by the clock, else a new one (also
     * when the clock was set back before it). A failed reading keeps the previous numbers (none yet: NaN, which
     * Prometheus shows as a gap) and is tried again after {@link #REFRESH}.
     */
    synchronized Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s != null && !now.isBefore(s.takenAt()) && now.isBefore(s.takenAt().plus(REFRESH))) {
            return s;
        }
        try {
            s = new Snapshot(now, store.byStatus(), store.byExpiry(LocalDate.ofInstant(now, clock.getZone())));
        } catch (DataAccessException e) {
            log.warn("Could not read the fleet's metrics; keeping the previous values for {}: {}", REFRESH,
                    e.getClass().getSimpleName());
            s = new Snapshot(now, s == null ? Map.of() : s.byStatus(), s == null ? Map.of() : s.byExpiry());
        }
        snapshot = s;
        return s;
    }

    /** One reading of the database, at {@code takenAt} by the clock. */
    record Snapshot(Instant takenAt, Map<String, Long> byStatus, Map<String, Long> byExpiry) {

        double status(String status) {
            return value(byStatus, status);
        }

        double expiry(String bucket) {
            return value(byExpiry, bucket);
        }

        private static double value(Map<String, Long> counts, String key) {
            Long n = counts.get(key);
            return n == null ? Double.NaN : n;
        }
    }
}
