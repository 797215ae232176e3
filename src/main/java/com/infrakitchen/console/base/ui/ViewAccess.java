package com.infrakitchen.console.base.ui;

import com.infrakitchen.console.security.CurrentUser;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;

/**
 * Whether the signed-in user may open a view, read from the same access annotation that Vaadin's
 * navigation access control enforces. Used to show only the navigation entries a role can use.
 */
public final class ViewAccess {

    private ViewAccess() {
    }

    public static boolean canOpen(Class<?> view) {
        if (view.isAnnotationPresent(DenyAll.class)) {
            return false;
        }
        if (CurrentUser.authentication().isEmpty()) {
            return view.isAnnotationPresent(com.vaadin.flow.server.auth.AnonymousAllowed.class);
        }
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return Arrays.stream(roles.value()).anyMatch(CurrentUser::hasRole);
        }
        return view.isAnnotationPresent(PermitAll.class)
                || view.isAnnotationPresent(com.vaadin.flow.server.auth.AnonymousAllowed.class);
    }
}
