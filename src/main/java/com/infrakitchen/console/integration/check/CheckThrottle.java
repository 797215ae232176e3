package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server-side limits of the Test button (docs/security.md 3.6): at most {@code perUserPerMinute} tests per
 * user in any minute, one test at a time per integration or form, and at most {@code maxConcurrent}
 * tests at once in this instance. A refused test makes no outbound call. Scheduled re-checks (the health
 * scheduler) have their own bound (its worker threads, {@code app.health.max-concurrent}) and no user: they take
 * only the "one at a time" slot of their integration ({@link #acquireScheduled}), so they never use up the
 * manual tests' limits, and a manual test while a scheduled one runs is refused as already running. The Repositories tab calls Azure DevOps
 * with the stored credential too, so each of its loads takes a slot here as a test does ({@code
 * browse.RepositoryService}).
 */
@Component
public class CheckThrottle {

    private final Clock clock;
    private final int perUserPerMinute;
    private final int maxConcurrent;
    private final Map<String, Deque<Instant>> starts = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    CheckThrottle(Clock clock, @Value("${app.checks.per-user-per-minute:5}") int perUserPerMinute,
            @Value("${app.checks.max-concurrent:16}") int maxConcurrent) {
        this.clock = clock;
        this.perUserPerMinute = perUserPerMinute;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * Takes a slot for {@code user} on {@code key}, or says why not. A taken slot must be given back with
     * {@link #release}.
     */
    public synchronized Optional<CheckCategory> acquire(String user, String key) {
        if (running.contains(key)) {
            return Optional.of(CheckCategory.TEST_ALREADY_RUNNING);
        }
        if (running.size() - scheduled.size() >= maxConcurrent) {
            return Optional.of(CheckCategory.TOO_MANY_TESTS);
        }
        Instant now = clock.instant();
        Deque<Instant> recent = starts.computeIfAbsent(user, u -> new ArrayDeque<>());
        while (!recent.isEmpty() && Duration.between(recent.peekFirst(), now).compareTo(Duration.ofMinutes(1)) >= 0) {
            recent.pollFirst();
        }
        if (recent.size() >= perUserPerMinute) {
            return Optional.of(CheckCategory.TOO_MANY_TESTS);
        }
        recent.addLast(now);
        running.add(key);
        return Optional.empty();
    }

    /**
     * Takes the "one at a time" slot of {@code key} for a scheduled re-check (no user, no share of the manual
     * limits), or says why not: a test of it is running already. Released with {@link #release}.
     */
    public synchronized Optional<CheckCategory> acquireScheduled(String key) {
        if (!running.add(key)) {
            return Optional.of(CheckCategory.TEST_ALREADY_RUNNING);
        }
        scheduled.add(key);
        return Optional.empty();
    }

    public synchronized void release(String key) {
        running.remove(key);
        scheduled.remove(key);
    }

    int perUserPerMinute() {
        return perUserPerMinute;
    }
}
