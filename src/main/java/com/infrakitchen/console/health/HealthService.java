package com.infrakitchen.console.health;

import com.infrakitchen.console.health.internal.HealthStore;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Within a severity: the longest failing first, the soonest expiry first, the oldest check first; then by name
     * (the SQL's order, kept by the stable sort).
     */
    private static final Comparator<HealthItem> WITHIN = Comparator
            .comparing(HealthItem::attention)
            .thenComparing(HealthService::sortKey, Comparator.nullsLast(Comparator.<Long>naturalOrder()));

    private final HealthStore store;
    private final HealthProperties properties;
    private final Clock clock;

    HealthService(HealthStore store, HealthProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public HealthReport report() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<HealthItem> items = store.needingAttention(CredentialExpiry.expiringBy(today),
                now.minus(properties.staleAfter()), today).stream().sorted(WITHIN).toList();
        HealthStore.Overview overview = store.overview();
        return new HealthReport(items, HealthCounts.of(items), overview.newestCheck(), overview.enabled());
    }

    /** Seconds since the epoch of what orders rows of one severity, null for none (then by name). */
    private static @Nullable Long sortKey(HealthItem i) {
        return switch (i.attention()) {
            case FAILING -> seconds(i.failingSince());
            case EXPIRING -> i.expiresOn() == null ? null : i.expiresOn().toEpochDay() * 86_400L;
            case WARNING, STALE -> seconds(i.lastChecked());
            case NEVER_TESTED -> null;
        };
    }

    private static @Nullable Long seconds(@Nullable Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
