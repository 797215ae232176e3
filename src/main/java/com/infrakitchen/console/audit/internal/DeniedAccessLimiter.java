package com.infrakitchen.console.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps denied-access events readable: per user, at most one event per target (path or operation) in a
 * window, and at most a handful of events in all per window. What is held back is counted and reported
 * in that user's next recorded denial, so nothing disappears without trace, but nobody signed in can bury
 * real events under thousands of denials. In memory, per instance.
 */
@Component
public class DeniedAccessLimiter {

    private static final int MAX_USERS = 10_000;

    private final Clock clock;
    private final Duration window;
    private final int perUserPerWindow;
    private final Map<String, UserState> users = new ConcurrentHashMap<>();

    DeniedAccessLimiter(Clock clock, @Value("${app.audit.denied-window:PT1M}") Duration window,
            @Value("${app.audit.denied-per-user-per-window:20}") int perUserPerWindow) {
        this.clock = clock;
        this.window = window;
        this.perUserPerWindow = perUserPerWindow;
    }

    /**
     * Whether to record this denial now. When yes, the value is the number of this user's denials held
     * back since their last recorded one; when empty, this one is held back (and counted).
     */
    public OptionalLong admit(String user, String target) {
        Instant now = clock.instant();
        if (users.size() > MAX_USERS) {
            users.values().removeIf(s -> s.idleSince(now, window));
        }
        UserState state = users.computeIfAbsent(user, k -> new UserState(now));
        synchronized (state) {
            return state.admit(target, now, window, perUserPerWindow);
        }
    }

    /** Forgets everything (tests). */
    public void reset() {
        users.clear();
    }

    private static final class UserState {
        private final Map<String, Instant> lastRecorded = new HashMap<>();
        private Instant windowStart;
        private int recordedInWindow;
        private long heldBack;
        private Instant lastSeen;

        UserState(Instant now) {
            this.windowStart = now;
            this.lastSeen = now;
        }

        OptionalLong admit(String target, Instant now, Duration window, int cap) {
            lastSeen = now;
            if (!windowStart.plus(window).isAfter(now)) {
                windowStart = now;
                recordedInWindow = 0;
                lastRecorded.values().removeIf(t -> !t.plus(window).isAfter(now));
            }
            Instant last = lastRecorded.get(target);
            if ((last != null && last.plus(window).isAfter(now)) || recordedInWindow >= cap) {
                heldBack++;
                return OptionalLong.empty();
            }
            lastRecorded.put(target, now);
            recordedInWindow++;
            long reported = heldBack;
            heldBack = 0;
            return OptionalLong.of(reported);
        }

        synchronized boolean idleSince(Instant now, Duration window) {
            return !lastSeen.plus(window).isAfter(now) && heldBack == 0;
        }
    }
}
