package com.infrakitchen.console.user;

import com.infrakitchen.console.shared.RuleViolation;

/** A user-management rule was broken: field "username", "password", "role", "theme" or "user". */
public class UserRuleViolation extends RuleViolation {

    public UserRuleViolation(String field, String message) {
        super(field, message);
    }
}
