package com.infrakitchen.console.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Work the console does by itself (the health scheduler's re-checks), run as the actor {@value #NAME} with only
 * the {@link Roles#SCHEDULER} role: method security admits it where a method says so and nowhere else, and the
 * audit trail names it as the actor. The security context is set on the calling thread for the call only.
 */
public final class SystemActor {

    /** The actor name in audit records and the Connection tab's history. */
    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        return call(SecurityContextHolder.getContextHolderStrategy(), work);
    }

    /**
     * As {@link #call(Supplier)}, on the given strategy: the one the application's method security reads (Vaadin
     * installs its own), so that it holds also where several applications share a JVM (tests).
     */
    public static <T> T call(SecurityContextHolderStrategy strategy, Supplier<T> work) {
        SecurityContext previous = strategy.getContext();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SCHEDULER))));
        strategy.setContext(context);
        try {
            return work.get();
        } finally {
            strategy.setContext(previous);
        }
    }
}
