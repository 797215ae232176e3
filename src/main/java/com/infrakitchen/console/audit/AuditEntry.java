package com.infrakitchen.console.audit;

import java.time.Instant;

/** One stored audit event, as the Audit view shows it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        String actorRole,
        String sourceIp,
        String action,
        String targetType,
        String targetId,
        String targetName,
        String outcome,
        String details) {
}
