package com.infrakitchen.console.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Published after every sign-in attempt, for the audit trail. {@code username} is null when the name
 * typed matches no account (it may be a password typed into the wrong field: never recorded).
 */
public record LoginAttempt(@Nullable String username, @Nullable String role, @Nullable String address, Result result,
        @Nullable Duration lockedFor) {

    public enum Result {
        SUCCEEDED,
        BAD_CREDENTIALS,
        DISABLED,
        THROTTLED
    }
}
