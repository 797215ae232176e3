package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.ConsoleInstances;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances started at the same moment on an empty PostgreSQL database (docs/product.md 10, issue 14): Flyway's
 * own lock (a PostgreSQL advisory lock) lets one migrate while the other waits, then finds nothing to do; both come
 * up, and every migration is recorded once. Runs with {@code -Dpostgres=true}.
 */
class PostgresConcurrentStartIT {

    static String url;

    @AfterAll
    static void drop() {
        Postgres.dropDatabase(url);
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndBothComeUp() throws Exception {
        url = Postgres.createDatabase();
        String keyset = TestKeysets.generate();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ConfigurableApplicationContext>> starts = List.of("a", "b").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return start(name, keyset);
                })).toList();
        go.countDown();
        List<ConfigurableApplicationContext> instances = starts.stream()
                .map(f -> f.orTimeout(180, TimeUnit.SECONDS).join()).toList();
        try {
            assertThat(instances).allMatch(ConfigurableApplicationContext::isActive);
            JdbcTemplate jdbc = instances.getFirst().getBean(JdbcTemplate.class);
            List<String> versions = jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND"
                    + " version IS NOT NULL ORDER BY installed_rank", String.class);
            assertThat(versions).as("each migration applied once").doesNotHaveDuplicates()
                    .contains("1", "9", "10", "11");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'admin'", Long.class))
                    .as("one bootstrap administrator").isEqualTo(1);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static ConfigurableApplicationContext start(String name, String keyset) {
        return ConsoleInstances.start("--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.USER,
                        "--spring.datasource.password=" + Postgres.PASSWORD, "--app.keyset.inline=" + keyset,
                        "--app.keyset.generate-if-missing=false", "--db-scheduler.scheduler-name=" + name,
                        "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }
}
