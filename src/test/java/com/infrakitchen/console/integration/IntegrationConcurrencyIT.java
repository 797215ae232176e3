package com.infrakitchen.console.integration;

import static com.infrakitchen.console.integration.IntegrationTestData.data;
import static com.infrakitchen.console.integration.IntegrationTestData.fakeToken;
import static com.infrakitchen.console.integration.IntegrationTestData.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** docs/security.md 6.5, C-01 to C-03. */
@SpringBootTest
class IntegrationConcurrencyIT {

    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void c01TheSecondOfTwoEditorsIsToldWhoChangedItAndWhenAndNothingOfHisIsWritten() {
        IntegrationDetail loaded = As.user("alice", "EDITOR", () -> integrations.create(data(uniqueName("c01")), IntegrationFixtures.pat(fakeToken())));
        // alice and bob both opened version `loaded`; alice saves first
        As.user("alice", "EDITOR", () -> integrations.update(loaded.id(), loaded.version(),
                withDescription(loaded, "alice's description"), IntegrationFixtures.keepToken()));
        byte[] token = jdbc.queryForObject("SELECT pat_ciphertext FROM integration WHERE id = ?", byte[].class,
                loaded.id());

        assertThatThrownBy(() -> As.user("bob", "EDITOR", () -> integrations.update(loaded.id(), loaded.version(),
                withDescription(loaded, "bob's description"), IntegrationFixtures.clearToken())))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageStartingWith("This integration was changed by alice at ")
                .hasMessageContaining("Reload");
        IntegrationDetail now = As.user("bob", "EDITOR", () -> integrations.get(loaded.id())).orElseThrow();
        assertThat(now.data().description()).isEqualTo("alice's description");
        assertThat(now.credentialConfigured()).isTrue();
        assertThat(jdbc.queryForObject("SELECT pat_ciphertext FROM integration WHERE id = ?", byte[].class,
                loaded.id())).isEqualTo(token);
    }

    @Test
    void c02SavingAnIntegrationThatWasDeletedMeanwhileSaysItNoLongerExists() {
        IntegrationDetail loaded = As.user("alice", "EDITOR", () -> integrations.create(data(uniqueName("c02")), IntegrationFixtures.pat(fakeToken())));
        As.user("root", "ADMIN", () -> integrations.delete(loaded.id(), loaded.version(), loaded.data().name()));
        assertThatThrownBy(() -> As.user("bob", "EDITOR", () -> integrations.update(loaded.id(), loaded.version(),
                withDescription(loaded, "too late"), IntegrationFixtures.keepToken())))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("no longer exists");
    }

    @Test
    void aStaleDeleteIsRefusedToo() {
        IntegrationDetail loaded = As.user("alice", "EDITOR", () -> integrations.create(data(uniqueName("stale")), IntegrationFixtures.pat(fakeToken())));
        As.user("alice", "EDITOR", () -> integrations.setEnabled(loaded.id(), loaded.version(), false));
        assertThatThrownBy(() -> As.user("root", "ADMIN", () -> {
            integrations.delete(loaded.id(), loaded.version(), loaded.data().name());
            return null;
        })).isInstanceOf(ConcurrentEditException.class).hasMessageContaining("changed by alice");
        assertThat(As.user("root", "ADMIN", () -> integrations.get(loaded.id()))).isPresent();
    }

    @Test
    void c03OfTwoSimultaneousCreatesWithTheSameNameExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = uniqueName("c03");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (String who : List.of("alice", "bob")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            As.user(who, "EDITOR", () -> integrations.create(data(name), IntegrationFixtures.pat(fakeToken())));
                            return "created";
                        } catch (IntegrationRuleViolation e) {
                            return e.field() + ": " + e.getMessage();
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsOnlyOnce("created");
                assertThat(outcomes).anySatisfy(o -> assertThat(o).startsWith("name: ").contains("already in use"));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE name = ?", Long.class, name))
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static IntegrationData withDescription(IntegrationDetail d, String description) {
        return new IntegrationData(d.data().name(), description, d.data().labels(), d.data().organization());
    }
}
