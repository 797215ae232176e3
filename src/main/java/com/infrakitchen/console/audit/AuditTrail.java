package com.infrakitchen.console.audit;

import com.infrakitchen.console.audit.internal.AuditEventStore;
import com.infrakitchen.console.audit.internal.DeniedAccessLimiter;
import com.infrakitchen.console.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. Changes call {@link #record} inside their own transaction, so a change is never
 * stored without its record (and a rolled-back change leaves none). Security events that must survive
 * the failure they describe (sign-in failures, denied calls) use {@link #recordIndependently}.
 *
 * <p>This is the only writer of {@code audit_event}; there is no update or delete.
 */
@Component
public class AuditTrail {

    private final AuditEventStore store;
    private final Clock clock;
    private final DeniedAccessLimiter deniedLimiter;

    AuditTrail(AuditEventStore store, Clock clock, DeniedAccessLimiter deniedLimiter) {
        this.store = store;
        this.clock = clock;
        this.deniedLimiter = deniedLimiter;
    }

    /** Records an event for the signed-in user, joining the caller's transaction. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, AuditOutcome outcome, @Nullable Target target,
            @Nullable AuditDetails details) {
        write(CurrentUser.username(), CurrentUser.role().orElse(null), action, outcome, target, details);
    }

    /** Records an event in a transaction of its own, for a named actor (e.g. a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(String actor, @Nullable String actorRole, AuditAction action,
            AuditOutcome outcome, @Nullable Target target, @Nullable AuditDetails details) {
        write(actor, actorRole, action, outcome, target, details);
    }

    /**
     * Records a denied access ({@code ACCESS_DENIED}) in a transaction of its own, collapsing repeats: per
     * user at most one event per target and a few in all per minute; the denials held back are counted in
     * the user's next recorded one ({@code "notRecordedSinceLast"}). Returns whether an event was written.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordDenied(String actor, @Nullable String actorRole, @Nullable Target target) {
        Target t = target == null ? Target.NONE : target;
        OptionalLong heldBack = deniedLimiter.admit(actor, t.type() + " " + t.name());
        if (heldBack.isEmpty()) {
            return false;
        }
        AuditDetails details = AuditDetails.of();
        if (heldBack.getAsLong() > 0) {
            details.put("notRecordedSinceLast", heldBack.getAsLong());
        }
        write(actor, actorRole, AuditAction.ACCESS_DENIED, AuditOutcome.DENIED, t, details);
        return true;
    }

    /**
     * Who is acting, from where, captured now: for work that finishes on another thread (a connection test),
     * where neither the security context nor the request is available any more.
     */
    public Actor currentActor() {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : request.getRemoteAddr();
        String sessionHash = null;
        if (request != null) {
            HttpSession session = request.getSession(false);
            sessionHash = session == null ? null : hash(session.getId());
        }
        return new Actor(CurrentUser.username(), CurrentUser.role().orElse(null), ip, sessionHash);
    }

    /** Records an event for a captured actor, in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(Actor actor, AuditAction action, AuditOutcome outcome, @Nullable Target target,
            @Nullable AuditDetails details) {
        insert(actor.name(), actor.role(), actor.ip(), actor.sessionHash(), action, outcome, target, details);
    }

    /** A captured actor; {@code sessionHash} is a short hash, never the session id. */
    public record Actor(String name, @Nullable String role, @Nullable String ip, @Nullable String sessionHash) {
    }

    private void write(String actor, @Nullable String actorRole, AuditAction action, AuditOutcome outcome,
            @Nullable Target target, @Nullable AuditDetails details) {
        HttpServletRequest request = currentRequest();
        String ip = request == null ? null : request.getRemoteAddr();
        String sessionHash = null;
        if (request != null) {
            HttpSession session = request.getSession(false);
            sessionHash = session == null ? null : hash(session.getId());
        }
        insert(actor, actorRole, ip, sessionHash, action, outcome, target, details);
    }

    private void insert(String actor, @Nullable String actorRole, @Nullable String ip, @Nullable String sessionHash,
            AuditAction action, AuditOutcome outcome, @Nullable Target target, @Nullable AuditDetails details) {
        Target t = target == null ? Target.NONE : target;
        store.insert(clock.instant(), clip(actor, 64), actorRole, clip(ip, 64), sessionHash, action.name(),
                t.type(), clip(t.id(), 64), clip(t.name(), 200), outcome.name(),
                details == null || details.isEmpty() ? null : details.toJson());
    }

    private static @Nullable HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest();
        }
        return null;
    }

    @Contract("null, _ -> null; !null, _ -> !null")
    private static @Nullable String clip(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("[\\p{Cntrl}]", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    /** The session id is a bearer credential: only a short hash of it is stored. */
    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an event is about. */
    public record Target(@Nullable String type, @Nullable String id, @Nullable String name) {
        public static final Target NONE = new Target(null, null, null);
        public static final String INTEGRATION = "INTEGRATION";

        public static Target user(long id, String username) {
            return new Target("USER", Long.toString(id), username);
        }

        public static Target account(String username) {
            return new Target("USER", null, username);
        }

        public static Target integration(UUID id, String name) {
            return new Target(INTEGRATION, id.toString(), name);
        }

        /** A test of a form that is not saved yet, named as typed. */
        public static Target unsavedIntegration(@Nullable String typedName) {
            return new Target("INTEGRATION_FORM", null, typedName == null || typedName.isBlank() ? "(unnamed)"
                    : typedName);
        }

        public static Target view(String route) {
            return new Target("VIEW", null, route);
        }

        public static Target operation(String name) {
            return new Target("OPERATION", null, name);
        }
    }
}
