package com.infrakitchen.console.audit;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the Audit view. Every part is optional (null = no filter); {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record AuditQuery(@Nullable String actor, @Nullable AuditAction action, @Nullable Instant from,
        @Nullable Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.trim().toLowerCase(Locale.ROOT);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The start of the time range must be before its end.");
        }
    }
}
