package com.infrakitchen.console.user;

import com.infrakitchen.console.shared.AsciiText;
import com.infrakitchen.console.shared.TextLimits;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

    /**
     * Trimmed, and A-Z lower-cased (usernames are case-insensitive); nothing else changes. Java's own lower-casing
     * would turn the Kelvin sign into 'k' ("\u212Aate" into "kate"), a look-alike signing in as another user;
     * kept as typed, any non-ASCII character is refused by the rule.
     */
    public static String normaliseUsername(@Nullable String raw) {
        return AsciiText.trimAndLowerAscii(raw);
    }

    /** Null when valid, else the message to show. */
    public static @Nullable String usernameProblem(String normalised) {
        if (normalised.isEmpty()) {
            return "Username is required";
        }
        int length = TextLimits.length(normalised);
        if (length > USERNAME_MAX) {
            return TextLimits.tooLong("Username", length, USERNAME_MAX);
        }
        if (!USERNAME.matcher(normalised).matches()) {
            String found = TextLimits.firstNotAllowed(normalised, "._-");
            return "Username must be " + USERNAME_RULE + (found.isEmpty() ? "" : "; " + found + " is not allowed");
        }
        return null;
    }

    /** Null when valid, else the message to show (never echoing the password). */
    public static @Nullable String passwordProblem(@Nullable String password, @Nullable String username) {
        if (password == null || password.isEmpty()) {
            return "Password is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return "Password must be at least " + PASSWORD_MIN + " characters";
        }
        if (length > PASSWORD_MAX) {
            return TextLimits.tooLong("Password", length, PASSWORD_MAX);
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
