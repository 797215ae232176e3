package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckThrottle;
import com.infrakitchen.console.integration.check.internal.CheckLimitStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.security.LoginThrottle;
import com.infrakitchen.console.security.internal.LoginFailureStore;
import com.infrakitchen.console.support.Eventually;
import com.infrakitchen.console.support.LimitsDatabase;
import com.infrakitchen.console.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the sign-in throttle and the Test Connection limits hold for the whole cluster (docs/decisions/0017).
 * Two throttles on one database are two console instances sharing it; every rule is shown across them, and under
 * concurrent requests from both, on the embedded H2 here and on PostgreSQL in {@link PostgresClusterLimitsIT}.
 */
class ClusterLimitsIT {

    static LimitsDatabase database;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    LoginThrottle signInA;
    LoginThrottle signInB;
    CheckThrottle checksA;
    CheckThrottle checksB;

    @BeforeAll
    static void open() {
        database = LimitsDatabase.h2();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void twoInstances() {
        for (String table : new String[] {"login_failure", "check_slot", "check_start", "check_user"}) {
            database.jdbc().sql("DELETE FROM " + table).update();
        }
        signInA = signIn();
        signInB = signIn();
        checksA = checks(5, 2);
        checksB = checks(5, 2);
    }

    LoginThrottle signIn() {
        return new LoginThrottle(new LoginFailureStore(database.jdbc()), database.transactions(), clock, 5, 20,
                Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    CheckThrottle checks(int perUserPerMinute, int maxConcurrent) {
        return new CheckThrottle(new CheckLimitStore(database.jdbc(), database.transactions()), clock,
                perUserPerMinute, maxConcurrent, Duration.ofMinutes(5));
    }

    @Test
    void fiveFailedSignInsSpreadOverTwoInstancesLockTheAccountOnBoth() {
        for (int i = 0; i < 3; i++) {
            assertThat(signInA.recordFailure("alice", "10.0.0.1")).isEmpty();
        }
        assertThat(signInB.recordFailure("alice", "10.0.0.1")).isEmpty();
        assertThat(signInB.recordFailure("alice", "10.0.0.1")).as("the fifth, on the other instance")
                .contains(Duration.ofSeconds(2));
        assertThat(signInA.blockedUntil("alice", "10.0.0.1")).contains(clock.instant().plusSeconds(2));
        assertThat(signInB.blockedUntil("alice", "10.0.0.1")).contains(clock.instant().plusSeconds(2));
        assertThat(signInA.lockedAccounts()).containsExactly("alice");
        assertThat(signInB.blockedUntil("alice", "10.0.0.2")).as("another address").isEmpty();
    }

    @Test
    void anAdministratorsUnlockOnOneInstanceLiftsTheLockOnTheOther() {
        for (int i = 0; i < 5; i++) {
            signInA.recordFailure("bob", "10.0.0.1");
        }
        assertThat(signInB.unlock("bob")).extracting(LoginThrottle.Lock::address).containsExactly("10.0.0.1");
        assertThat(signInA.blockedUntil("bob", "10.0.0.1")).isEmpty();
        assertThat(signInA.locks("bob")).isEmpty();
    }

    @Test
    void aSuccessOnOneInstanceClearsTheCountTheOtherKept() {
        for (int i = 0; i < 4; i++) {
            signInA.recordFailure("carol", "10.0.0.1");
        }
        signInB.recordSuccess("carol", "10.0.0.1");
        assertThat(signInA.recordFailure("carol", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresArrivingAtOnceOnBothInstancesAreAllCounted() throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LoginThrottle on = i % 2 == 0 ? signInA : signInB;
            attempts.add(() -> on.recordFailure("dave", "10.0.0.9").isPresent());
        }
        List<Boolean> locked = runAtOnce(attempts);
        int failures = new LoginFailureStore(database.jdbc()).find("dave", "10.0.0.9").orElseThrow().failures();
        assertThat(failures).as("40 failures from 8 threads on two instances, none lost").isEqualTo(40);
        assertThat(locked).as("from the fifth on, every failure (re)starts the lock").filteredOn(b -> b).hasSize(36);
    }

    @Test
    void fiveTestsAMinuteAreFiveWhicheverInstanceServesTheUser() {
        for (int i = 0; i < 3; i++) {
            assertThat(checksA.acquire("erin", "form:a" + i)).isEmpty();
            checksA.release("form:a" + i);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(checksB.acquire("erin", "form:b" + i)).isEmpty();
            checksB.release("form:b" + i);
        }
        assertThat(checksA.acquire("erin", "form:a9")).contains(CheckCategory.TOO_MANY_TESTS);
        assertThat(checksB.acquire("erin", "form:b9")).contains(CheckCategory.TOO_MANY_TESTS);
        assertThat(checksB.acquire("frank", "form:f")).as("another user").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(checksB.acquire("erin", "form:b9")).as("a minute later").isEmpty();
    }

    @Test
    void testsStartedAtOnceOnBothInstancesNeverExceedTheUsersMinute() throws Exception {
        CheckThrottle roomyA = checks(5, 100);
        CheckThrottle roomyB = checks(5, 100);
        List<Callable<Boolean>> presses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            CheckThrottle on = i % 2 == 0 ? roomyA : roomyB;
            String key = "form:g" + i;
            presses.add(() -> on.acquire("gina", key).isEmpty());
        }
        assertThat(runAtOnce(presses)).filteredOn(b -> b).as("24 presses at once, 5 allowed").hasSize(5);
    }

    @Test
    void oneIntegrationIsTestedOnceAtATimeInTheWholeCluster() throws Exception {
        assertThat(checksA.acquire("henry", "integration:42")).isEmpty();
        assertThat(checksB.acquire("ivan", "integration:42")).contains(CheckCategory.TEST_ALREADY_RUNNING);
        assertThat(checksB.acquireScheduled("integration:42")).contains(CheckCategory.TEST_ALREADY_RUNNING);
        checksA.release("integration:42");
        assertThat(checksB.acquireScheduled("integration:42")).isEmpty();
        assertThat(checksA.acquire("henry", "integration:42")).as("a scheduled re-check runs on B")
                .contains(CheckCategory.TEST_ALREADY_RUNNING);
        checksB.release("integration:42");

        List<Callable<Boolean>> presses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            CheckThrottle on = i % 2 == 0 ? checksA : checksB;
            String user = "user-" + i;
            presses.add(() -> on.acquire(user, "integration:43").isEmpty());
        }
        assertThat(runAtOnce(presses)).filteredOn(b -> b).as("16 presses at once on two instances").hasSize(1);
    }

    @Test
    void testsAtOnceAreBoundedPerInstanceSoAFullInstanceDoesNotStopTheOther() {
        assertThat(checksA.acquire("judy", "form:j1")).isEmpty();
        assertThat(checksA.acquire("kim", "form:k1")).isEmpty();
        assertThat(checksA.acquire("lee", "form:l1")).as("A runs its 2").contains(CheckCategory.TOO_MANY_TESTS);
        assertThat(checksB.acquire("lee", "form:l1")).as("B has room").isEmpty();
        assertThat(checksA.acquireScheduled("integration:44")).as("re-checks have their own bound").isEmpty();
    }

    @Test
    void aSlotLeftByAnInstanceKilledWhileTestingFreesItselfWhenItsLeaseEnds() {
        // leases run on the database's clock: a short one, waited for
        CheckThrottle a = new CheckThrottle(new CheckLimitStore(database.jdbc(), database.transactions()), clock, 5,
                2, Duration.ofSeconds(2));
        CheckThrottle b = new CheckThrottle(new CheckLimitStore(database.jdbc(), database.transactions()), clock, 5,
                2, Duration.ofSeconds(2));
        assertThat(a.acquire("mia", "integration:45")).isEmpty();
        // instance A dies here: nobody releases its slot
        clock.advance(Duration.ofHours(1));
        assertThat(b.acquire("nora", "integration:45")).as("the application's clock does not end a lease")
                .contains(CheckCategory.TEST_ALREADY_RUNNING);
        Eventually.await("the lease to end", Duration.ofSeconds(10), () -> b.acquire("nora", "integration:45").isEmpty());
        a.release("integration:45");
        assertThat(a.acquire("olga", "integration:45")).as("A's late release does not free B's slot")
                .contains(CheckCategory.TEST_ALREADY_RUNNING);
    }

    @Test
    void theSlotsOfAnInstanceThatDiedAreDeletedByTheNextReleaseAnywhere() {
        CheckThrottle dying = new CheckThrottle(new CheckLimitStore(database.jdbc(), database.transactions()), clock,
                5, 2, Duration.ofSeconds(1));
        assertThat(dying.acquire("pia", "form:dead")).isEmpty();
        // the instance dies; its form is never tested again
        Eventually.await("the dead form's slot to be deleted", Duration.ofSeconds(10), () -> {
            checksB.release("form:another");
            return database.jdbc().sql("SELECT COUNT(*) FROM check_slot WHERE slot_key = 'form:dead'")
                    .query(Integer.class).single() == 0;
        });
    }

    /** Runs every task at once (released together) on eight threads; their results in order. */
    static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
