package com.infrakitchen.console.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting right now: the signed-in user's name and role, read from the security context. */
public final class CurrentUser {

    private static final String ROLE_PREFIX = "ROLE_";

    private CurrentUser() {
    }

    public static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    /** The signed-in username, or {@code "anonymous"}. */
    public static String username() {
        return authentication().map(Authentication::getName).orElse("anonymous");
    }

    /** The strongest role held, or empty when nobody is signed in. */
    public static Optional<String> role() {
        return authentication().flatMap(CurrentUser::strongestRole);
    }

    /** The strongest console role among an authentication's authorities. */
    public static Optional<String> strongestRole(Authentication auth) {
        String best = null;
        for (GrantedAuthority ga : auth.getAuthorities()) {
            String name = ga.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                String role = name.substring(ROLE_PREFIX.length());
                if (Roles.isKnown(role) && (best == null || Roles.ALL.indexOf(role) > Roles.ALL.indexOf(best))) {
                    best = role;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public static boolean hasRole(String role) {
        return authentication().map(a -> a.getAuthorities().stream()
                .anyMatch(ga -> (ROLE_PREFIX + role).equals(ga.getAuthority()))).orElse(false);
    }

    public static boolean isEditorOrAdmin() {
        return hasRole(Roles.EDITOR) || hasRole(Roles.ADMIN);
    }

    public static boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
