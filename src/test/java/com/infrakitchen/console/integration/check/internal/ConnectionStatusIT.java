package com.infrakitchen.console.integration.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.ConnectionState;
import com.infrakitchen.console.integration.check.StatusChange;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored connection status (docs/decisions/0015), as CheckRecordStore.insert keeps it: the outcome of the
 * newest stored result, since when it holds, and a change recorded with its time whenever the outcome changes (the
 * first result a change from none). {@code PostgresConnectionStatusIT} runs the same on PostgreSQL.
 */
@SpringBootTest
class ConnectionStatusIT {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Autowired
    CheckRecordStore store;
    @Autowired
    ConnectionStatusStore status;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstResultRecordsAChangeFromNone() {
        UUID id = create("status-first");
        assertThat(status.current(id)).isEmpty();
        store.insert(result(id, T0, CheckCategory.TOKEN_EXPIRED, CheckTrigger.FORM));

        assertThat(status.current(id)).contains(new ConnectionState(CheckOutcome.FAILED, T0, T0));
        assertThat(status.changes(id, 10)).containsExactly(
                new StatusChange(T0, null, CheckOutcome.FAILED, CheckCategory.TOKEN_EXPIRED, CheckTrigger.FORM));
    }

    @Test
    void theSameOutcomeTwiceRecordsNoChangeAndKeepsSince() {
        UUID id = create("status-same");
        store.insert(result(id, T0, CheckCategory.CONNECTED, CheckTrigger.MANUAL));
        store.insert(result(id, T0.plusSeconds(3600), CheckCategory.CONNECTED, CheckTrigger.SCHEDULED));

        assertThat(status.current(id)).contains(new ConnectionState(CheckOutcome.CONNECTED, T0.plusSeconds(3600), T0));
        assertThat(status.changes(id, 10)).hasSize(1);
    }

    @Test
    void connectedFailedFailedConnectedRecordsTwoChangesAtTheirTimes() {
        UUID id = create("status-run");
        Instant t1 = T0.plusSeconds(3600);
        Instant t2 = T0.plusSeconds(7200);
        Instant t3 = T0.plusSeconds(10800);
        store.insert(result(id, T0, CheckCategory.CONNECTED, CheckTrigger.MANUAL));
        store.insert(result(id, t1, CheckCategory.TOKEN_EXPIRED, CheckTrigger.SCHEDULED));
        store.insert(result(id, t2, CheckCategory.ORGANIZATION_NOT_FOUND, CheckTrigger.SCHEDULED));
        assertThat(status.current(id)).as("failing since the first failure")
                .contains(new ConnectionState(CheckOutcome.FAILED, t2, t1));
        store.insert(result(id, t3, CheckCategory.CONNECTED, CheckTrigger.DIAGNOSTICS));

        assertThat(status.current(id)).contains(new ConnectionState(CheckOutcome.CONNECTED, t3, t3));
        assertThat(status.changes(id, 10)).as("newest first").containsExactly(
                new StatusChange(t3, CheckOutcome.FAILED, CheckOutcome.CONNECTED, CheckCategory.CONNECTED,
                        CheckTrigger.DIAGNOSTICS),
                new StatusChange(t1, CheckOutcome.CONNECTED, CheckOutcome.FAILED, CheckCategory.TOKEN_EXPIRED,
                        CheckTrigger.SCHEDULED),
                new StatusChange(T0, null, CheckOutcome.CONNECTED, CheckCategory.CONNECTED, CheckTrigger.MANUAL));
        assertThat(status.changes(id, 1)).hasSize(1);
    }

    @Test
    void warningToFailedIsAChangeToo() {
        UUID id = create("status-warning");
        store.insert(result(id, T0, CheckCategory.CODE_WRITE_MISSING, CheckTrigger.MANUAL));
        store.insert(result(id, T0.plusSeconds(60), CheckCategory.TOKEN_EXPIRED, CheckTrigger.MANUAL));
        assertThat(status.changes(id, 10)).extracting(StatusChange::from, StatusChange::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CheckOutcome.WARNING, CheckOutcome.FAILED),
                org.assertj.core.groups.Tuple.tuple(null, CheckOutcome.WARNING));
    }

    /** A result stored after a newer one (a slow test of another instance) is kept in the history only. */
    @Test
    void aResultOlderThanTheNewestChangesNothing() {
        UUID id = create("status-late");
        store.insert(result(id, T0.plusSeconds(60), CheckCategory.CONNECTED, CheckTrigger.MANUAL));
        store.insert(result(id, T0, CheckCategory.TOKEN_EXPIRED, CheckTrigger.SCHEDULED));

        assertThat(status.current(id))
                .contains(new ConnectionState(CheckOutcome.CONNECTED, T0.plusSeconds(60), T0.plusSeconds(60)));
        assertThat(status.changes(id, 10)).hasSize(1);
        assertThat(store.history(id, 10)).hasSize(2);
    }

    /**
     * Two instances storing results for one integration at once: every result is stored, there is one status, it
     * is the newest result's, and the changes form one chain that ends at it.
     */
    @Test
    void concurrentStoresForOneIntegrationEndConsistent() throws Exception {
        UUID id = create("status-concurrent");
        int threads = 8;
        int each = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                start.await();
                int stored = 0;
                for (int k = 0; k < each; k++) {
                    Instant at = T0.plusSeconds(60L * (k * threads + thread));
                    CheckCategory category = (k + thread) % 3 == 0 ? CheckCategory.TOKEN_EXPIRED
                            : (k + thread) % 3 == 1 ? CheckCategory.CONNECTED : CheckCategory.CODE_WRITE_MISSING;
                    stored += store.insert(result(id, at, category, CheckTrigger.SCHEDULED)) ? 1 : 0;
                }
                return stored;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> w : work) {
                futures.add(pool.submit(w));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isEqualTo(each);
            }
        } finally {
            pool.shutdownNow();
        }

        CheckRecord newest = store.history(id, 1).getFirst();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_status WHERE integration_id = ?", Long.class,
                id)).isEqualTo(1);
        ConnectionState state = status.current(id).orElseThrow();
        assertThat(state.checkedAt()).isEqualTo(newest.checkedAt());
        assertThat(state.outcome()).isEqualTo(newest.outcome());
        List<StatusChange> changes = status.changes(id, 1000).reversed();
        assertThat(changes.getFirst().from()).isNull();
        for (int k = 1; k < changes.size(); k++) {
            assertThat(changes.get(k).from()).as("change %d follows the one before", k)
                    .isEqualTo(changes.get(k - 1).to());
            assertThat(changes.get(k).to()).isNotEqualTo(changes.get(k).from());
        }
        assertThat(changes.getLast().to()).isEqualTo(state.outcome());
        assertThat(changes.getLast().changedAt()).isEqualTo(state.since());
    }

    @Test
    void deletingTheIntegrationDeletesItsStatusAndChanges() {
        UUID id = create("status-deleted");
        store.insert(result(id, T0, CheckCategory.CONNECTED, CheckTrigger.MANUAL));
        jdbc.update("DELETE FROM integration WHERE id = ?", id);
        assertThat(status.current(id)).isEmpty();
        assertThat(status.changes(id, 10)).isEmpty();
        assertThat(store.insert(result(id, T0.plusSeconds(1), CheckCategory.CONNECTED, CheckTrigger.MANUAL)))
                .as("nothing stored for a deleted integration").isFalse();
    }

    private UUID create(String prefix) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                prefix))).id();
    }

    private static CheckRecord result(UUID integration, Instant at, CheckCategory category, CheckTrigger trigger) {
        return new CheckRecord(UUID.randomUUID(), integration, at, trigger, "status-editor", category, 25, "contoso",
                at, null, null, null, null, List.of(), null);
    }
}
