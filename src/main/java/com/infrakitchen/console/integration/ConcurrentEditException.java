package com.infrakitchen.console.integration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Someone else saved (or deleted) the integration since it was loaded. Nothing was written. */
public class ConcurrentEditException extends RuntimeException {

    private final @Nullable String changedBy;
    private final @Nullable Instant changedAt;
    private final boolean deleted;

    public ConcurrentEditException(String changedBy, Instant changedAt) {
        super("This integration was changed by " + changedBy + " at " + IntegrationTimes.format(changedAt)
                + ". Reload to see their changes; yours were not saved.");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.deleted = false;
    }

    private ConcurrentEditException(String message) {
        super(message);
        this.changedBy = null;
        this.changedAt = null;
        this.deleted = true;
    }

    public static ConcurrentEditException ofDeleted() {
        return new ConcurrentEditException("This integration no longer exists: someone deleted it. Your changes"
                + " were not saved.");
    }

    /** Who saved it meanwhile; null when it was deleted. */
    public @Nullable String changedBy() {
        return changedBy;
    }

    /** When it was saved meanwhile; null when it was deleted. */
    public @Nullable Instant changedAt() {
        return changedAt;
    }

    public boolean wasDeleted() {
        return deleted;
    }
}
