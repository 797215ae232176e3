package com.infrakitchen.console.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored audit event, as the Audit view shows it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        @Nullable String actorRole,
        @Nullable String sourceIp,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String targetName,
        String outcome,
        @Nullable String details) {
}
