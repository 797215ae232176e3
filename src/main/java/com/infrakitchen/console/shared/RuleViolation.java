package com.infrakitchen.console.shared;

/**
 * A business rule was broken (house style idiom 4). In its own package, which depends on nothing, so every
 * feature can use it without a cycle through {@code base} (whose layout knows every feature). The message
 * is written for the user, is safe to show, and belongs next to {@link #field()}; it never contains a secret.
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
