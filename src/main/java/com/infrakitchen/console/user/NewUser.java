package com.infrakitchen.console.user;

import org.jspecify.annotations.Nullable;

/**
 * Payload of "create user". {@code initialPassword} null or blank means "generate one and show it once".
 */
public record NewUser(String username, String role, @Nullable String initialPassword) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + ", initialPassword=<redacted>]";
    }
}
