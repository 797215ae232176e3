package com.infrakitchen.console.integration.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.internal.CheckLimitStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.LimitsDatabase;
import com.infrakitchen.console.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's Test Connection limits (docs/security.md 3.6), each with a test that fails without it: 5 tests per user
 * in any minute (a sliding minute, on the application clock), one at a time per integration or form, and 16 at
 * once per instance.
 */
class CheckThrottleTest {

    static final LimitsDatabase DATABASE = LimitsDatabase.h2();

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    /** A throttle of one more instance on {@code database} (each test uses its own users and keys). */
    static CheckThrottle throttle(LimitsDatabase database, java.time.Clock clock, int perUserPerMinute,
            int maxConcurrent) {
        return new CheckThrottle(new CheckLimitStore(database.jdbc(), database.transactions()), clock,
                perUserPerMinute, maxConcurrent, Duration.ofMinutes(5));
    }

    /** Empties the limits' tables: each test starts with no test running and nobody's minute used. */
    static void clear(LimitsDatabase database) {
        for (String table : new String[] {"check_slot", "check_start", "check_user"}) {
            database.jdbc().sql("DELETE FROM " + table).update();
        }
    }

    @BeforeEach
    void clearLimits() {
        clear(DATABASE);
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Test
    void atMostSixteenTestsRunAtOnceInAnInstanceAndAFinishedOneFreesItsSlot() {
        CheckThrottle throttle = throttle(DATABASE, clock, 5, 16);
        for (int i = 0; i < 16; i++) {
            assertThat(throttle.acquire("user-" + i, "form:" + i)).as("test %d", i + 1).isEmpty();
        }
        assertThat(throttle.acquire("user-16", "form:16")).contains(CheckCategory.TOO_MANY_TESTS);
        throttle.release("form:3");
        assertThat(throttle.acquire("user-16", "form:16")).isEmpty();
    }

    @Test
    void fiveTestsPerUserInAnyMinuteTheSixthIsRefusedUntilTheFirstIsAMinuteOld() {
        CheckThrottle throttle = throttle(DATABASE, clock, 5, 16);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.acquire("alice", "form:" + i)).isEmpty();
            throttle.release("form:" + i);
            clock.advance(Duration.ofSeconds(10));
        }
        // 50 s after the first: still inside its minute
        assertThat(throttle.acquire("alice", "form:5")).contains(CheckCategory.TOO_MANY_TESTS);
        assertThat(throttle.acquire("bob", "form:6")).as("another user is not limited by alice").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        // 60 s after the first: it has left the window, the others have not
        assertThat(throttle.acquire("alice", "form:5")).isEmpty();
        throttle.release("form:5");
        assertThat(throttle.acquire("alice", "form:7")).contains(CheckCategory.TOO_MANY_TESTS);
    }

    @Test
    void oneTestAtATimePerIntegrationOrFormWhoeverAsks() {
        CheckThrottle throttle = throttle(DATABASE, clock, 5, 16);
        assertThat(throttle.acquire("alice", "integration:42")).isEmpty();
        Optional<CheckCategory> second = throttle.acquire("bob", "integration:42");
        assertThat(second).contains(CheckCategory.TEST_ALREADY_RUNNING);
        throttle.release("integration:42");
        assertThat(throttle.acquire("bob", "integration:42")).isEmpty();
    }

    @Test
    void aRefusedTestDoesNotCountAgainstTheUsersMinute() {
        CheckThrottle throttle = throttle(DATABASE, clock, 5, 1);
        assertThat(throttle.acquire("carol", "form:a")).isEmpty();
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.acquire("dave", "form:b")).contains(CheckCategory.TOO_MANY_TESTS);
        }
        throttle.release("form:a");
        assertThat(throttle.acquire("dave", "form:b")).as("refusals took no slot of dave's minute").isEmpty();
    }
}
