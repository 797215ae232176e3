package com.infrakitchen.console.security;

import java.time.Duration;

/**
 * Published after every sign-in attempt, for the audit trail. {@code username} is null when the name
 * typed matches no account (it may be a password typed into the wrong field: never recorded).
 */
public record LoginAttempt(String username, String role, String address, Result result, Duration lockedFor) {

    public enum Result {
        SUCCEEDED,
        BAD_CREDENTIALS,
        DISABLED,
        THROTTLED
    }
}
