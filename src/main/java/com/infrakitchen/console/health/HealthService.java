package com.infrakitchen.console.health;

import com.infrakitchen.console.health.internal.HealthStore;
import com.infrakitchen.console.health.internal.ScheduledTaskStore;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What needs attention among the enabled integrations (docs/product.md 8), worst first: failing (with "failing
 * since"), warning, token or SSH key expiring within {@value CredentialExpiry#WARNING_DAYS} days, never tested, not tested for longer than
 * twice {@code app.health.check-interval}. Disabled integrations are left out. Anyone signed in may read it.
 */
@Service
@Transactional(readOnly = true)
public class HealthService {

    /** The most integrations {@link #report()} lists, worst first (the counts cover all of them). */
    public static final int MAX_ROWS = 100;

    /** How long the navigation's count of failing integrations is reused before it is read again. */
    static final Duration FAILING_COUNT_REUSE = Duration.ofSeconds(15);

    private final HealthStore store;
    private final ScheduledTaskStore scheduled;
    private final HealthProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable FailingCount> failing = new AtomicReference<>();

    HealthService(HealthStore store, ScheduledTaskStore scheduled, HealthProperties properties, Clock clock) {
        this.store = store;
        this.scheduled = scheduled;
        this.properties = properties;
        this.clock = clock;
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public HealthReport report() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        LocalDate expiringBy = CredentialExpiry.expiringBy(today);
        Instant staleBefore = now.minus(properties.staleAfter());
        HealthStore.Counted counted = store.counts(expiringBy, staleBefore);
        List<HealthItem> items = counted.total() == 0 ? List.of()
                : store.worst(MAX_ROWS, expiringBy, staleBefore, today);
        HealthStore.Overview overview = store.overview();
        failing.set(new FailingCount(now, counted.counts().failing()));
        return new HealthReport(items, counted.counts(), counted.total(), overview.newestCheck(), overview.anyEnabled(),
                new HealthReport.Schedule(properties.scheduledChecks(), properties.checkInterval(),
                        scheduled.lastSuccess().orElse(null)));
    }

    /**
     * How many enabled integrations are failing now, as {@code /health} counts them: for the navigation's badge,
     * read again at most every {@link #FAILING_COUNT_REUSE} by the application clock (every page a user opens
     * shows it, and {@link #report()} refreshes it).
     */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public long failingCount() {
        Instant now = clock.instant();
        FailingCount known = failing.get();
        if (known != null && !now.isBefore(known.readAt()) && now.isBefore(known.readAt().plus(FAILING_COUNT_REUSE))) {
            return known.count();
        }
        long count = store.failingCount();
        failing.set(new FailingCount(now, count));
        return count;
    }

    private record FailingCount(Instant readAt, long count) {
    }
}
