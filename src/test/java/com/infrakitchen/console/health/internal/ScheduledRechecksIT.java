package com.infrakitchen.console.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.health.ScheduledRunMetrics;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.Eventually;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.PacedCheckers;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled re-checks through the real db-scheduler, on a database of their own and on the application clock,
 * which db-scheduler shares: the test moves the clock to an integration's slot and db-scheduler's polling thread
 * (every 100 ms here) runs what is due. Nothing waits for time to pass; the test waits only for that thread. The
 * clock only moves forward, as a real one does.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:console-scheduler;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "app.health.scheduled-checks=true", "app.health.max-concurrent=2", "app.health.check-interval=PT6H",
        "db-scheduler.polling-interval=100ms", "db-scheduler.heartbeat-interval=500ms",
        "db-scheduler.missed-heartbeats-limit=4"})
@Import({ClockControlled.Beans.class, PacedCheckers.class})
class ScheduledRechecksIT {

    static final Duration INTERVAL = Duration.ofHours(6);
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    IntegrationService integrations;
    @Autowired
    CheckService checks;
    @Autowired
    RecheckPlanner planner;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @BeforeEach
    void onlyThisTestsIntegrationsAreScheduled() {
        PacedCheckers.PACE.reset();
        Eventually.await("no re-check running", WAIT, () -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE picked = TRUE", Long.class) == 0);
        jdbc.update("UPDATE integration SET enabled = FALSE");
        jdbc.update("DELETE FROM scheduled_tasks");
        // Forward only, as a real clock goes: db-scheduler's poller waits on this clock until the time it last
        // computed, so a clock set back would keep it waiting.
        clock.advance(Duration.ofDays(1));
    }

    @AfterEach
    void release() {
        PacedCheckers.PACE.reset();
        fake.reset();
    }

    private IntegrationDetail connecting(String name) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                name)), FakeTokens.PAT_FULL, null);
    }

    private Instant plannedAt(UUID id) {
        return jdbc.queryForObject("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance"
                + " = ?", OffsetDateTime.class, RecheckTask.NAME, id.toString()).toInstant();
    }

    private long rows(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                Long.class, RecheckTask.NAME, id.toString());
    }

    private long scheduledChecks(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM integration_check WHERE integration_id = ? AND"
                + " trigger_kind = 'SCHEDULED'", Long.class, id);
    }

    private long picked() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = TRUE", Long.class);
    }

    @Test
    void savingAnIntegrationSchedulesItsRecheckAtItsOwnSlotAndDisablingOrDeletingRemovesIt() {
        IntegrationDetail saved = connecting("sched-plan");
        Instant slot = plannedAt(saved.id());
        assertThat(slot).isEqualTo(RecheckSchedule.nextAfter(clock.instant(), saved.id(), INTERVAL))
                .isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(INTERVAL));

        IntegrationDetail disabled = As.user("sched-editor", "EDITOR",
                () -> integrations.setEnabled(saved.id(), saved.version(), false));
        assertThat(rows(saved.id())).as("a disabled integration is not re-checked").isZero();

        IntegrationDetail enabled = As.user("sched-editor", "EDITOR",
                () -> integrations.setEnabled(saved.id(), disabled.version(), true));
        assertThat(plannedAt(saved.id())).as("enabling schedules it again, at the same slot").isEqualTo(slot);

        As.user("sched-admin", "ADMIN", () -> integrations.delete(saved.id(), enabled.version(),
                enabled.data().name()));
        assertThat(rows(saved.id())).isZero();
    }

    @Test
    void aDueRecheckRunsOnceAsSystemWithTheScheduledTriggerAndIsPlannedOneIntervalLater() {
        IntegrationDetail saved = connecting("sched-run");
        Instant slot = plannedAt(saved.id());
        double runsBefore = meters.counter(ScheduledRunMetrics.RUNS, "outcome", "connected").count();
        assertThat(scheduledChecks(saved.id())).as("not due yet").isZero();

        clock.set(slot.plusSeconds(1));
        Eventually.await("the re-check ran and was planned again", WAIT,
                () -> scheduledChecks(saved.id()) == 1 && plannedAt(saved.id()).equals(slot.plus(INTERVAL)));

        var stored = jdbc.queryForMap("SELECT actor, category, checked_at FROM integration_check WHERE"
                + " integration_id = ? AND trigger_kind = 'SCHEDULED'", saved.id());
        assertThat(stored.get("actor")).isEqualTo("system");
        assertThat(stored.get("category")).isEqualTo("CONNECTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'CONNECTION_TESTED' AND"
                + " actor = 'system' AND target_id = ?", Long.class, saved.id().toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_success FROM scheduled_tasks WHERE task_instance = ?",
                OffsetDateTime.class, saved.id().toString())).isNotNull();
        assertThat(picked()).isZero();
        assertThat(scheduledChecks(saved.id())).as("once per slot").isEqualTo(1);
        assertThat(meters.counter(ScheduledRunMetrics.RUNS, "outcome", "connected").count())
                .isEqualTo(runsBefore + 1);
    }

    @Test
    void atMostMaxConcurrentRechecksRunAtOnceAndTheOthersWaitForAFreeWorker() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(connecting("sched-bound-" + i).id());
        }
        PacedCheckers.PACE.hold();
        clock.advance(INTERVAL.plusSeconds(1));
        Eventually.await("two re-checks started", WAIT, () -> picked() == 2);
        assertThat(ids).allSatisfy(id -> assertThat(scheduledChecks(id)).isZero());
        // The others are due too, but both workers are busy: still two, however often db-scheduler polls.
        for (int poll = 0; poll < 5; poll++) {
            Thread.sleep(100);
            assertThat(picked()).as("app.health.max-concurrent=2").isEqualTo(2);
        }

        PacedCheckers.PACE.release(10_000);
        Eventually.await("all five re-checked", WAIT,
                () -> ids.stream().allMatch(id -> scheduledChecks(id) == 1) && picked() == 0);
    }

    @Test
    void aManualTestWhileTheRecheckRunsOnAnyInstanceIsRefusedAsAlreadyRunning() throws Exception {
        IntegrationDetail saved = connecting("sched-manual");
        // Another instance sharing the database has picked this integration's re-check.
        jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'other-instance', last_heartbeat = ?"
                + " WHERE task_instance = ?", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                saved.id().toString());
        int requests = fake.requestCount();
        CheckResult manual = As.user("sched-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(saved.id())))
                .result().get(10, TimeUnit.SECONDS);
        assertThat(manual.category()).isEqualTo(CheckCategory.TEST_ALREADY_RUNNING);
        assertThat(manual.headline()).isEqualTo("A test of this integration is already running");
        assertThat(fake.requestCount()).as("nothing sent").isEqualTo(requests);
        jdbc.update("UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL WHERE task_instance = ?",
                saved.id().toString());

        assertThat(As.user("sched-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(saved.id())))
                .result().get(10, TimeUnit.SECONDS).category()).as("once it ended").isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void aRecheckDueWhileAManualTestOfTheSameIntegrationRunsIsSkippedNotRunTwiceAtOnce() throws Exception {
        IntegrationDetail saved = connecting("sched-overlap");
        Instant slot = plannedAt(saved.id());
        PacedCheckers.PACE.hold();
        var manual = As.user("sched-editor", "EDITOR", () -> checks.test(TestRequest.ofStored(saved.id())));
        clock.set(slot.plusSeconds(1));
        Eventually.await("the due re-check was handled and planned again", WAIT,
                () -> plannedAt(saved.id()).equals(slot.plus(INTERVAL)));
        assertThat(scheduledChecks(saved.id())).as("skipped: the manual test's result is the fresh one").isZero();
        PacedCheckers.PACE.release(10_000);
        assertThat(manual.result().get(10, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void anIntegrationDisabledBehindTheServicesBackIsNotTestedWhenDueAndItsRecheckIsRemoved() {
        IntegrationDetail saved = connecting("sched-gone");
        Instant slot = plannedAt(saved.id());
        jdbc.update("UPDATE integration SET enabled = FALSE WHERE id = ?", saved.id());
        clock.set(slot.plusSeconds(1));
        Eventually.await("the re-check removed itself", WAIT, () -> rows(saved.id()) == 0);
        assertThat(scheduledChecks(saved.id())).isZero();
    }

    @Test
    void atStartUpEveryEnabledIntegrationWithoutARecheckGetsOneAtItsSlot() {
        IntegrationDetail a = connecting("sched-catchup-a");
        IntegrationDetail b = connecting("sched-catchup-b");
        Instant slotA = plannedAt(a.id());
        jdbc.update("DELETE FROM scheduled_tasks");

        assertThat(planner.catchUp()).isEqualTo(2);
        assertThat(plannedAt(a.id())).isEqualTo(slotA);
        assertThat(rows(b.id())).isEqualTo(1);
        assertThat(planner.catchUp()).as("nothing missing any more").isZero();
    }

    @Test
    void aRecheckLeftPickedByAnInstanceThatDiedIsRunAgainByThisOne() {
        IntegrationDetail saved = connecting("sched-dead");
        Instant slot = plannedAt(saved.id());
        clock.set(slot.plus(Duration.ofMinutes(10)));
        // What a killed instance leaves: the row picked, its heartbeat stopped ten minutes ago, no result stored.
        jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'killed-instance', last_heartbeat = ?"
                + " WHERE task_instance = ?", OffsetDateTime.ofInstant(slot, java.time.ZoneOffset.UTC),
                saved.id().toString());
        // The clock ticks on while this instance notices (its poller waits on the application clock).
        Eventually.await("revived and run here", WAIT, () -> {
            clock.advance(Duration.ofMillis(200));
            return scheduledChecks(saved.id()) == 1;
        });
        Instant ranAt = clock.instant();
        Eventually.await("planned at its next slot", WAIT,
                () -> plannedAt(saved.id()).equals(slot.plus(INTERVAL)) && picked() == 0);
        assertThat(ranAt).isBefore(slot.plus(Duration.ofMinutes(11)));
    }

    @Test
    void aStoredSecretThatDoesNotOpenIsStoredAsTheRechecksFailureSoHealthShowsIt() {
        IntegrationDetail donor = connecting("sched-secret-donor");
        IntegrationDetail broken = connecting("sched-secret-broken");
        // b's token sealed for a's row: it does not open for b (associated data names the row)
        jdbc.update("UPDATE integration SET pat_ciphertext = (SELECT pat_ciphertext FROM integration WHERE id = ?)"
                + " WHERE id = ?", donor.id(), broken.id());
        jdbc.update("UPDATE integration SET enabled = FALSE WHERE id = ?", donor.id()); // only b is re-checked
        Instant slot = plannedAt(broken.id());
        int requests = fake.requestCount();
        clock.set(slot.plusSeconds(1));
        Eventually.await("the re-check stored its refusal", WAIT, () -> scheduledChecks(broken.id()) == 1);
        assertThat(jdbc.queryForObject("SELECT category FROM integration_check WHERE integration_id = ? AND"
                + " trigger_kind = 'SCHEDULED'", String.class, broken.id())).isEqualTo("SECRET_NOT_FOR_THIS_INTEGRATION");
        assertThat(jdbc.queryForObject("SELECT outcome FROM integration_status WHERE integration_id = ?",
                String.class, broken.id())).isEqualTo("FAILED");
        Eventually.await("planned again", WAIT, () -> plannedAt(broken.id()).equals(slot.plus(INTERVAL)));
        assertThat(fake.requestCount()).as("nothing sent with a secret that does not open").isEqualTo(requests);
    }
}
