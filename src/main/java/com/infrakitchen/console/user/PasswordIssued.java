package com.infrakitchen.console.user;

import org.jspecify.annotations.Nullable;

/**
 * The result of creating a user or resetting a password. {@code generatedPassword} is set only when the
 * console made the password up; it is shown to the admin once and stored nowhere but as a hash.
 */
public record PasswordIssued(UserSummary user, @Nullable String generatedPassword) {

    public boolean generated() {
        return generatedPassword != null;
    }

    @Override
    public String toString() {
        return "PasswordIssued[user=" + user + ", generated=" + generated() + "]";
    }
}
