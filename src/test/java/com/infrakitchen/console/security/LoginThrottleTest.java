package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 20, Duration.ofSeconds(2),
            Duration.ofMinutes(15));

    @Test
    void fiveFailuresAreFreeAndTheSixthLocksTheAccountForTheBaseDelay() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.recordFailure("alice", "10.0.0.1")).isEmpty();
            assertThat(throttle.blockedUntil("alice", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.recordFailure("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.blockedUntil("alice", "10.0.0.2")).contains(clock.instant().plusSeconds(2));
    }

    @Test
    void theDelayDoublesWithEveryFurtherFailureUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("bob", "10.0.0.1");
        }
        assertThat(throttle.recordFailure("bob", "10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.recordFailure("bob", "10.0.0.1")).contains(Duration.ofSeconds(4));
        assertThat(throttle.recordFailure("bob", "10.0.0.1")).contains(Duration.ofSeconds(8));
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("bob", "10.0.0.1");
        }
        assertThat(throttle.recordFailure("bob", "10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void aLockEndsWhenItsDelayHasPassed() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("carol", "10.0.0.1");
        }
        assertThat(throttle.blockedUntil("carol", "10.0.0.9")).isPresent();
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.blockedUntil("carol", "10.0.0.9")).isEmpty();
    }

    @Test
    void otherAccountsAreNotAffectedByOneAccountsLock() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("dave", "10.0.0.1");
        }
        assertThat(throttle.blockedUntil("erin", "10.0.0.2")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "10.9.9.9");
        }
        assertThat(throttle.blockedUntil("fresh-user", "10.9.9.9")).isEmpty();
        throttle.recordFailure("user-21", "10.9.9.9");
        assertThat(throttle.blockedUntil("fresh-user", "10.9.9.9")).isPresent();
        assertThat(throttle.blockedUntil("fresh-user", "10.1.1.1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("frank", "10.0.0.1");
        }
        throttle.recordSuccess("frank");
        assertThat(throttle.recordFailure("frank", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("gina", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.recordFailure("gina", "10.0.0.1")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
