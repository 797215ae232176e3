package com.infrakitchen.console.user;

/** A user-management rule was broken. The message is safe to show next to {@link #field()}. */
public class UserRuleViolation extends RuntimeException {

    private final String field;

    public UserRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** "username", "password", "role" or "user" (the account as a whole). */
    public String field() {
        return field;
    }
}
