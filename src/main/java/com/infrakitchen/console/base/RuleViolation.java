package com.infrakitchen.console.base;

/**
 * A business rule was broken (house style idiom 4). The message is written for the user, is safe to
 * show, and belongs next to {@link #field()}; it never contains a secret.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String field;

    protected RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
