package com.infrakitchen.console.support;

import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;

/**
 * Users of the real-browser tests, created once per test context: each test class uses its own username, so that
 * the per-user limits (5 tests a minute) of one class never refuse another's tests. Passwords are test values.
 */
public final class E2eUsers {

    private final UserService users;

    E2eUsers(UserService users) {
        this.users = users;
    }

    /** Makes sure {@code username} exists with {@code role}; returns its password. */
    public String ensure(String username, String role) {
        String password = "e2e-password-" + username;
        As.user("e2e-setup", "ADMIN", () -> {
            if (!users.usernameTaken(username)) {
                users.create(new NewUser(username, role, password));
            }
        });
        return password;
    }
}
