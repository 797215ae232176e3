package com.infrakitchen.console.integration.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's Test Connection limits as configured in the application (defaults {@code
 * app.checks.per-user-per-minute=5}, {@code app.checks.max-concurrent=16}), through {@link CheckService} with the
 * real checker and the shared fake, on a clock the test moves: the per-user minute lifts once the clock has passed
 * it, and the 17th test at once is refused. {@link CheckThrottleTest} proves the same rules on the throttle alone,
 * with the numbers it is given.
 */
@ClockControlled
class CheckLimitsIT {

    @Autowired
    CheckService checks;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @BeforeEach
    void startTheClock() {
        clock.set(ClockControlled.Beans.START);
    }

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    private static String user() {
        return "lim-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Starts a test of unsaved form values that the fake connects, as {@code user} (an editor). */
    private CheckRun start(String user, String form) {
        return As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm(form, "limits", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))));
    }

    private CheckResult test(String user, String form) throws Exception {
        return start(user, form).result().get(20, TimeUnit.SECONDS);
    }

    @Test
    void theSixthTestOfAUserInAMinuteIsRefusedUntilTheClockHasPassedTheMinuteOfTheFirst() throws Exception {
        String alice = user();
        for (int i = 0; i < 5; i++) {
            assertThat(test(alice, "form-" + i).category()).as("test %d", i + 1).isEqualTo(CheckCategory.CONNECTED);
            clock.advance(Duration.ofSeconds(10));
        }
        // 50 s after the first
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        int requests = fake.requestCount();
        CheckResult refused = test(alice, "form-5");
        assertThat(refused.category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
        assertThat(refused.headline()).isEqualTo("Too many tests in a short time");
        clock.advance(Duration.ofSeconds(9));
        assertThat(test(alice, "form-5").category()).as("59 s after the first").isEqualTo(CheckCategory.TOO_MANY_TESTS);
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        assertThat(fake.requestCount()).as("a refused test sends nothing").isEqualTo(requests);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action ="
                + " 'CONNECTION_TESTED' AND outcome = 'DENIED'", Long.class, alice)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(test(alice, "form-5").category()).as("60 s after the first: its minute is over")
                .isEqualTo(CheckCategory.CONNECTED);
        assertThat(test(alice, "form-6").category()).as("the other four and this one are still within their minute")
                .isEqualTo(CheckCategory.TOO_MANY_TESTS);

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(test(alice, "form-again-" + i).category()).as("a minute later, test %d", i + 1)
                    .isEqualTo(CheckCategory.CONNECTED);
        }
        assertThat(test(alice, "form-again-5").category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
    }

    @Test
    void sixteenTestsRunAtOnceInTheInstanceAndTheSeventeenthIsRefusedUntilOneEnds() throws Exception {
        fake.setChaos(FakeAzureDevOps.Chaos.STALL);
        List<CheckRun> running = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                CheckRun run = start(user(), "form-" + i);
                assertThat(run.result()).as("test %d is running", i + 1).isNotDone();
                running.add(run);
            }
            String last = user();
            CheckRun seventeenth = start(last, "form-16");
            assertThat(seventeenth.result()).as("refused at once, without waiting for a slot").isDone();
            assertThat(seventeenth.result().get().category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action ="
                    + " 'CONNECTION_TESTED' AND outcome = 'DENIED'", Long.class, last)).isEqualTo(1);

            CheckRun first = running.removeFirst();
            first.cancel();
            // its slot is given back before its result completes
            assertThat(first.result().get(20, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.CANCELLED);
            CheckRun again = start(last, "form-16");
            assertThat(again.result()).as("the slot of the test that ended is taken: this one runs").isNotDone();
            running.add(again);
        } finally {
            running.forEach(CheckRun::cancel);
            for (CheckRun run : running) {
                assertThat(run.result().get(20, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.CANCELLED);
            }
        }
    }
}
