package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.security.internal.LoginFailureStore;
import com.infrakitchen.console.support.LimitsDatabase;
import com.infrakitchen.console.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on the embedded database it keeps its counts in (ClusterLimitsIT: two instances on one). */
class LoginThrottleTest {

    private static final LimitsDatabase DATABASE = LimitsDatabase.h2();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final LoginThrottle throttle = throttle(DATABASE, clock);

    static LoginThrottle throttle(LimitsDatabase database, java.time.Clock clock) {
        LoginThrottle throttle = new LoginThrottle(new LoginFailureStore(database.jdbc()), database.transactions(),
                clock, 5, 20, Duration.ofSeconds(2), Duration.ofMinutes(15));
        throttle.reset();
        return throttle;
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Test
    void theFifthFailureLocksTheAccountFromThatAddressSoTheSixthPasswordIsNotChecked() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("alice", "10.0.0.1")).isEmpty();
            assertThat(throttle.blockedUntil("alice", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.recordFailure("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.blockedUntil("alice", "10.0.0.1")).contains(clock.instant().plusSeconds(2));
        assertThat(throttle.blockedUntil("alice", "10.0.0.2")).isEmpty();
    }

    @Test
    void theDelayDoublesWithEveryFurtherFailureUpToTheCeiling() {
        for (int i = 0; i < 4; i++) {
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
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("carol", "10.0.0.1");
        }
        assertThat(throttle.blockedUntil("carol", "10.0.0.1")).isPresent();
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.blockedUntil("carol", "10.0.0.1")).isEmpty();
    }

    @Test
    void otherAccountsAreNotAffectedByOneAccountsLock() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("dave", "10.0.0.1");
        }
        assertThat(throttle.blockedUntil("erin", "10.0.0.1")).isEmpty();
        assertThat(throttle.blockedUntil("erin", "10.0.0.2")).isEmpty();
    }

    @Test
    void oneAddressFailingForManyAccountsLocksNoneOfTheOthersBehindIt() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("user" + i, "10.9.9.9");
        }
        assertThat(throttle.blockedUntil("fresh-user", "10.9.9.9")).isEmpty();
    }

    @Test
    void nobodyCanKeepAnAccountLockedForItsOwnerAtAnotherAddress() {
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 10; i++) {
                throttle.recordFailure("admin", "198.51.100." + i);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedUntil("admin", "10.0.0.5")).isEmpty();
    }

    @Test
    void anAccountUnderAttackFromManyAddressesDelaysEachFailingAddressFromItsFirstFailure() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.recordFailure("henry", "198.51.100." + i)).isEmpty();
        }
        // the 21st failure for the account, from a new address: delayed at once, but only there
        assertThat(throttle.recordFailure("henry", "203.0.113.1")).contains(Duration.ofSeconds(2));
        assertThat(throttle.blockedUntil("henry", "203.0.113.1")).isPresent();
        assertThat(throttle.blockedUntil("henry", "10.0.0.5")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheCountOfItsAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("frank", "10.0.0.1");
        }
        throttle.recordSuccess("frank", "10.0.0.1");
        assertThat(throttle.recordFailure("frank", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("gina", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.recordFailure("gina", "10.0.0.1")).isEmpty();
    }

    @Test
    void unlockingAnAccountLiftsItsLocksFromEveryAddressAndSaysWhichWereLocked() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ivan", "10.0.0.1");
            throttle.recordFailure("ivan", "10.0.0.2");
            throttle.recordFailure("judy", "10.0.0.1");
        }
        assertThat(throttle.locks("ivan")).extracting(LoginThrottle.Lock::address)
                .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
        assertThat(throttle.unlock("ivan")).hasSize(2);
        assertThat(throttle.blockedUntil("ivan", "10.0.0.1")).isEmpty();
        assertThat(throttle.blockedUntil("ivan", "10.0.0.2")).isEmpty();
        assertThat(throttle.locks("ivan")).isEmpty();
        assertThat(throttle.blockedUntil("judy", "10.0.0.1")).isPresent();
    }

    @Test
    void aNameOrAddressLongerThanAnyIsStillCountedAndLocked() {
        String typed = "x".repeat(5_000);
        String address = "2001:db8:" + "0".repeat(100);
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure(typed, address)).isEmpty();
        }
        assertThat(throttle.recordFailure(typed, address)).contains(Duration.ofSeconds(2));
        assertThat(throttle.blockedUntil(typed, address)).isPresent();
    }
}
