package com.infrakitchen.console.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rules for usernames and passwords, shared by the Users view (field limits, validators) and
 * {@link UserService} (which checks them again).
 */
public final class UserRules {

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    public static final String USERNAME_RULE =
            "3 to 32 characters: lowercase letters, digits, '.', '-' or '_', starting with a letter";

    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    public static final String PASSWORD_RULE = "12 to 128 characters, not the username";

    private UserRules() {
    }

    /** Trimmed and lower-cased: usernames are case-insensitive. */
    public static String normaliseUsername(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Null when valid, else the message to show. */
    public static String usernameProblem(String normalised) {
        if (normalised.isEmpty()) {
            return "Username is required";
        }
        if (!USERNAME.matcher(normalised).matches()) {
            return "Username must be " + USERNAME_RULE;
        }
        return null;
    }

    /** Null when valid, else the message to show (never echoing the password). */
    public static String passwordProblem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "Password is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return "Password must be at least " + PASSWORD_MIN + " characters";
        }
        if (length > PASSWORD_MAX) {
            return "Password must be at most " + PASSWORD_MAX + " characters";
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return "Password must not contain control characters";
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return "Password must not be the username";
        }
        return null;
    }
}
