package com.infrakitchen.console.audit;

import java.util.Locale;

/** What happened. Stored by name: never rename a constant, add new ones instead. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGOUT,
    ACCESS_DENIED,
    USER_CREATED,
    USER_ROLE_CHANGED,
    USER_ENABLED,
    USER_DISABLED,
    USER_PASSWORD_RESET,
    INTEGRATION_CREATED,
    INTEGRATION_UPDATED,
    INTEGRATION_ENABLED,
    INTEGRATION_DISABLED,
    INTEGRATION_DELETED,
    SECRET_SET,
    SECRET_CLEARED,
    SECRET_UNREADABLE,
    KEY_ROTATION_COMPLETED,
    CONNECTION_TESTED,
    ACCOUNT_UNLOCKED,
    REPOSITORIES_LISTED;

    /** "USER_ROLE_CHANGED" becomes "User role changed". */
    public String label() {
        String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
