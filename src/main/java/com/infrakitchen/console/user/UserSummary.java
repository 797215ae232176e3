package com.infrakitchen.console.user;

import java.time.Instant;

/** A user as the Users view shows it: never the password hash. */
public record UserSummary(long id, String username, String role, boolean enabled, Instant createdAt,
        Instant updatedAt, String updatedBy) {
}
