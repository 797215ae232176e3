package com.infrakitchen.console.integration;

/**
 * An integration rule was broken. The message is safe to show next to {@link #field()} ("name",
 * "description", "labels", "organization", "token", "tokenExpiresOn", "confirmation" or "integration").
 */
public class IntegrationRuleViolation extends RuntimeException {

    private final String field;

    public IntegrationRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
