package com.infrakitchen.console.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.ConsoleInstances;
import com.infrakitchen.console.support.Eventually;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two instances of the console (two application contexts, each with its own scheduler, pool and caches) sharing one
 * PostgreSQL database, on the real clock with a 4-second interval: every scheduled re-check runs exactly once per
 * slot whichever instance takes it, and a re-check left picked by an instance that died (its heartbeat stopped, no
 * result stored) is run by a living one. Runs with {@code -Dpostgres=true}.
 */
class PostgresClusterRechecksIT {

    static final Duration INTERVAL = Duration.ofSeconds(4);

    static String url;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void startTwoInstances() {
        url = Postgres.createDatabase();
        String keyset = TestKeysets.generate();
        first = start("instance-a", keyset);
        second = start("instance-b", keyset);
        jdbc = first.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        Postgres.dropDatabase(url);
    }

    private static ConfigurableApplicationContext start(String name, String keyset) {
        return ConsoleInstances.start("--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.USER,
                        "--spring.datasource.password=" + Postgres.PASSWORD, "--app.keyset.inline=" + keyset,
                        "--app.keyset.generate-if-missing=false",
                        "--app.health.scheduled-checks=true", "--app.health.check-interval=PT4S",
                        "--app.health.max-concurrent=4", "--db-scheduler.scheduler-name=" + name,
                        "--db-scheduler.polling-interval=200ms", "--db-scheduler.heartbeat-interval=500ms",
                        "--db-scheduler.missed-heartbeats-limit=4", "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
    }

    private static long slotOf(UUID id, Instant at) {
        long offset = RecheckSchedule.offset(id, INTERVAL).toMillis();
        return Math.floorDiv(at.toEpochMilli() - offset, INTERVAL.toMillis());
    }

    private static List<Instant> scheduledChecks(UUID id) {
        return jdbc.query("SELECT checked_at FROM integration_check WHERE integration_id = ? AND trigger_kind ="
                + " 'SCHEDULED' ORDER BY checked_at", (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant(),
                id);
    }

    @Test
    void eachReCheckRunsOncePerSlotAcrossBothInstancesAndADeadInstancesRunIsCompletedByALivingOne() {
        IntegrationService integrations = first.getBean(IntegrationService.class);
        // Each context has Vaadin's security strategy; the static holder points at the one started last.
        SecurityContextHolder.setContextHolderStrategy(first.getBean(SecurityContextHolderStrategy.class));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            IntegrationDetail saved = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(
                    IntegrationFixtures.uniqueName("cluster-" + i)), FakeTokens.PAT_FULL, null);
            ids.add(saved.id());
        }
        // Three intervals and a bit: every integration has at least its three slots' runs.
        Eventually.await("three re-checks of each integration", Duration.ofSeconds(40),
                () -> ids.stream().allMatch(id -> scheduledChecks(id).size() >= 3));

        for (UUID id : ids) {
            Map<Long, Integer> perSlot = new HashMap<>();
            for (Instant at : scheduledChecks(id)) {
                perSlot.merge(slotOf(id, at), 1, Integer::sum);
            }
            assertThat(perSlot.values()).as("runs per slot of %s: %s", id, perSlot).allMatch(n -> n == 1);
        }
        // Which instance takes a slot depends on the phase of their polling loops (often one takes nearly all):
        // what matters is that no slot runs twice, and that the one left by a dead instance is run (below).
        List<String> pickedBy = jdbc.queryForList("SELECT DISTINCT picked_by FROM scheduled_tasks WHERE picked_by IS"
                + " NOT NULL", String.class);
        assertThat(pickedBy).allMatch(n -> n.equals("instance-a") || n.equals("instance-b"));

        // What `kill -9` of an instance leaves mid-run: the row picked by it, the heartbeat stopped, nothing stored.
        UUID victim = ids.getFirst();
        Eventually.await("the victim's re-check is idle", Duration.ofSeconds(10), () -> !jdbc.queryForObject(
                "SELECT picked FROM scheduled_tasks WHERE task_instance = ?", Boolean.class, victim.toString()));
        Instant now = Instant.now();
        jdbc.update("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'instance-killed', last_heartbeat = ?,"
                + " execution_time = ?, version = version + 1 WHERE task_instance = ? AND picked = FALSE",
                OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC), victim.toString());
        int before = scheduledChecks(victim).size();
        Eventually.await("a living instance ran the dead one's re-check", Duration.ofSeconds(20),
                () -> scheduledChecks(victim).size() > before && !"instance-killed".equals(jdbc.queryForObject(
                        "SELECT COALESCE(picked_by, '') FROM scheduled_tasks WHERE task_instance = ?", String.class,
                        victim.toString())));
    }
}
