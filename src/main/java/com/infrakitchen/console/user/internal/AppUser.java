package com.infrakitchen.console.user.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A console user as stored in {@code app_user}. {@code @Version} decides insert vs update and locks. */
@Table("app_user")
public record AppUser(
        @Id @Nullable Long id,
        String username,
        String passwordHash,
        String role,
        boolean enabled,
        String theme,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        @Version @Nullable Long version) {

    public AppUser withRole(String newRole, Instant at, String by) {
        return new AppUser(id, username, passwordHash, newRole, enabled, theme, createdAt, at, by, version);
    }

    public AppUser withEnabled(boolean newEnabled, Instant at, String by) {
        return new AppUser(id, username, passwordHash, role, newEnabled, theme, createdAt, at, by, version);
    }

    public AppUser withPasswordHash(String newHash, Instant at, String by) {
        return new AppUser(id, username, newHash, role, enabled, theme, createdAt, at, by, version);
    }

    public AppUser withTheme(String newTheme) {
        return new AppUser(id, username, passwordHash, role, enabled, newTheme, createdAt, updatedAt, updatedBy,
                version);
    }

    @Override
    public String toString() {
        // never print the hash
        return "AppUser[id=" + id + ", username=" + username + ", role=" + role + ", enabled=" + enabled + "]";
    }
}
