package com.infrakitchen.console.integration;

import com.infrakitchen.console.shared.RuleViolation;

/**
 * An integration rule was broken: field "name", "description", "labels", "organization", "token",
 * "tokenExpiresOn", "confirmation" or "integration".
 */
public class IntegrationRuleViolation extends RuleViolation {

    public IntegrationRuleViolation(String field, String message) {
        super(field, message);
    }
}
