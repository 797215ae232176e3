package com.infrakitchen.console.security;

import java.util.List;

/**
 * The three roles of the console (docs/product.md section 2), in one place. Views and services list the
 * roles they admit explicitly, so a role never gets more than what is written next to the code.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String EDITOR = "EDITOR";
    public static final String ADMIN = "ADMIN";

    /** All roles, weakest first. */
    public static final List<String> ALL = List.of(VIEWER, EDITOR, ADMIN);

    /** Expression fragments for {@code @PreAuthorize}. */
    public static final String ANY_SIGNED_IN = "hasAnyRole('VIEWER','EDITOR','ADMIN')";
    public static final String EDITOR_OR_ADMIN = "hasAnyRole('EDITOR','ADMIN')";
    public static final String ADMIN_ONLY = "hasRole('ADMIN')";

    /**
     * The console's own scheduled work ({@link SystemActor}): not a role a user can hold ({@link #ALL} does not
     * list it, so no account is ever given it).
     */
    public static final String SCHEDULER = "SCHEDULER";
    public static final String SCHEDULER_ONLY = "hasRole('SCHEDULER')";
    public static final String EDITOR_ADMIN_OR_SCHEDULER = "hasAnyRole('EDITOR','ADMIN','SCHEDULER')";

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
