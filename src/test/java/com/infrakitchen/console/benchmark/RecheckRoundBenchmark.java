package com.infrakitchen.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.ConsoleInstances;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.FileSystemUtils;

/**
 * A full round of scheduled re-checks (docs/benchmarks/health-rounds.md): the application started with scheduled
 * checks on and its own settings from application.properties (db-scheduler's polling included), the fake Azure
 * DevOps answering every request after 20 ms, {@code app.health.max-concurrent=4}; 1,000 PAT integrations the fake
 * connects; then all their re-checks made due at once ({@code UPDATE scheduled_tasks SET execution_time = now}) and
 * the wall time measured until every integration has one new SCHEDULED result and its re-check is planned again. The check's requests are counted
 * from the fake; the ideal is {@code integrations x requests x delay / max-concurrent}. After each round: used heap
 * after a full GC. Three rounds on the same application.
 *
 * <p>Skipped unless {@code -Dbenchmark=true}. Options: {@code -Dbenchmark.integrations=1000},
 * {@code -Dbenchmark.rounds=3}, {@code -Dbenchmark.delayMs=20}, {@code -Dbenchmark.concurrency=4},
 * {@code -Dbenchmark.engine=h2|postgresql} (PostgreSQL also needs {@code -Dpostgres=true}),
 * {@code -Dbenchmark.args=--db-scheduler.polling-interval=1s;--other=value} (extra application arguments, for
 * experiments), {@code -Dbenchmark.label=run}, {@code -Dbenchmark.histogram=true}. Results go to target/benchmark/rounds-LABEL.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "benchmark: -Dbenchmark=true")
class RecheckRoundBenchmark {

    static final int INTEGRATIONS = Integer.getInteger("benchmark.integrations", 1000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final int DELAY_MS = Integer.getInteger("benchmark.delayMs", 20);
    static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 4);
    static final String ENGINE = System.getProperty("benchmark.engine", "h2");
    static final String EXTRA_ARGS = System.getProperty("benchmark.args", "");
    static final String LABEL = System.getProperty("benchmark.label", "run");
    static final int ROUND_TIMEOUT_MINUTES = Integer.getInteger("benchmark.roundTimeoutMinutes", 15);
    /** Also writes the top of a class histogram after each round (target/benchmark/rounds-LABEL-histogram-N.txt). */
    static final boolean HISTOGRAM = Boolean.getBoolean("benchmark.histogram");
    /** Requests of one check that must follow one another (phase 1 in parallel, then the write probe). */
    static final int SEQUENTIAL_ROUND_TRIPS = 2;

    @Test
    void measure() throws Exception {
        FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();
        fake.reset();
        String pgUrl = null;
        List<String> args = new ArrayList<>(List.of("--app.keyset.inline=" + TestKeysets.generate(),
                "--app.keyset.generate-if-missing=false", "--app.health.scheduled-checks=true",
                "--app.health.max-concurrent=" + CONCURRENCY, "--app.health.check-interval=PT6H",
                "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        if (ENGINE.equals("postgresql")) {
            pgUrl = Postgres.createDatabase();
            args.addAll(List.of("--spring.datasource.url=" + pgUrl, "--spring.datasource.username=" + Postgres.USER,
                    "--spring.datasource.password=" + Postgres.PASSWORD));
        } else {
            Path dir = Path.of("target", "bench-rounds");
            FileSystemUtils.deleteRecursively(dir);
            // the production default: an H2 file
            args.add("--spring.datasource.url=jdbc:h2:file:./" + dir.resolve("console") + ";MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        }
        for (String extra : EXTRA_ARGS.split(";")) {
            if (!extra.isBlank()) {
                args.add(extra.strip());
            }
        }
        ConfigurableApplicationContext app = ConsoleInstances.start(args.toArray(String[]::new));
        try {
            SecurityContextHolder.setContextHolderStrategy(app.getBean(SecurityContextHolderStrategy.class));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            IntegrationService integrations = app.getBean(IntegrationService.class);
            long createStart = System.nanoTime();
            for (int i = 0; i < INTEGRATIONS; i++) {
                IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(String.format(Locale.ROOT,
                        "round-%04d", i)), FakeTokens.PAT_FULL, null);
            }
            double createSeconds = (System.nanoTime() - createStart) / 1e9;
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Long.class))
                    .isEqualTo(INTEGRATIONS);
            fake.setDelay(Duration.ofMillis(DELAY_MS));
            fake.takeRequests();

            List<String> rows = new ArrayList<>();
            double heapBefore = usedHeapAfterGc();
            for (int round = 1; round <= ROUNDS; round++) {
                rows.add(round(app, jdbc, fake, round));
            }
            write(args, createSeconds, heapBefore, rows);
        } finally {
            app.close();
            fake.reset();
            if (pgUrl != null) {
                Postgres.dropDatabase(pgUrl);
            }
        }
    }

    private String round(ConfigurableApplicationContext app, JdbcTemplate jdbc, FakeAzureDevOps fake, int round)
            throws Exception {
        int requestsBefore = fake.requestCount();
        Instant now = Instant.now();
        long start = System.nanoTime();
        assertThat(jdbc.update("UPDATE scheduled_tasks SET execution_time = ?", OffsetDateTime.ofInstant(now,
                ZoneOffset.UTC))).as("all made due").isEqualTo(INTEGRATIONS);
        OffsetDateTime since = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long firstPickNs = -1;
        long doneNs;
        long deadline = start + Duration.ofMinutes(ROUND_TIMEOUT_MINUTES).toNanos();
        while (true) {
            // Light on the machine it measures: the small indexed scheduled_tasks table, not integration_check. A
            // re-check is rescheduled past the round's start only after its result is stored, so this is the time
            // until every integration has its new result, plus the last one's completion.
            long done = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time > ? AND"
                    + " picked = FALSE", Long.class, since);
            if (firstPickNs < 0 && (done > 0 || jdbc.queryForObject(
                    "SELECT COUNT(*) FROM scheduled_tasks WHERE picked = TRUE", Long.class) > 0)) {
                firstPickNs = System.nanoTime() - start;
            }
            if (done >= INTEGRATIONS && jdbc.queryForObject("SELECT COUNT(DISTINCT integration_id) FROM"
                    + " integration_check WHERE trigger_kind = 'SCHEDULED' AND checked_at >= ?", Long.class, since)
                    >= INTEGRATIONS) {
                doneNs = System.nanoTime() - start;
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("round " + round + " not done after " + ROUND_TIMEOUT_MINUTES + " minutes: " + done + " of "
                        + INTEGRATIONS + " planned again, " + jdbc.queryForObject("SELECT COUNT(DISTINCT"
                        + " integration_id) FROM integration_check WHERE trigger_kind = 'SCHEDULED' AND checked_at"
                        + " >= ?", Long.class, since) + " with a result since " + since);
            }
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_check WHERE trigger_kind = 'SCHEDULED'"
                + " AND checked_at >= ? AND category <> 'CONNECTED'", Long.class, since)).as("every check connected")
                .isZero();
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        int requests = fake.requestCount() - requestsBefore;
        fake.takeRequests();
        long runs = jdbc.queryForObject("SELECT COUNT(*) FROM integration_check WHERE trigger_kind = 'SCHEDULED'"
                + " AND checked_at >= ?", Long.class, since);
        List<Long> durations = jdbc.queryForList("SELECT duration_ms FROM integration_check WHERE trigger_kind ="
                + " 'SCHEDULED' AND checked_at >= ?", Long.class, since);
        double checkSpan = jdbc.queryForObject("SELECT MIN(checked_at) AS first_at, MAX(checked_at) AS last_at"
                + " FROM integration_check WHERE trigger_kind = 'SCHEDULED' AND checked_at >= ?",
                (rs, n) -> Duration.between(rs.getObject("first_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_at", OffsetDateTime.class).toInstant()).toMillis() / 1e3, since);
        double heap = usedHeapAfterGc();
        if (HISTOGRAM) {
            Path out = Path.of("target", "benchmark", "rounds-" + LABEL + "-histogram-" + round + ".txt");
            Files.createDirectories(out.getParent());
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Files.writeString(out, histogram.lines().limit(40).collect(java.util.stream.Collectors.joining("\n")));
        }
        double perCheck = (double) requests / runs;
        double ideal = INTEGRATIONS * perCheck * DELAY_MS / CONCURRENCY / 1e3;
        double idealSequential = (double) INTEGRATIONS * SEQUENTIAL_ROUND_TRIPS * DELAY_MS / CONCURRENCY / 1e3;
        double wall = doneNs / 1e9;
        double busy = durations.stream().mapToLong(Long::longValue).sum() / 1e3 / CONCURRENCY;
        long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.flush();
        String row = String.format(Locale.ROOT, "| %d | %.2f s | %.2f s | %.2f s | %.1f | %.2f s | **%.3f** | %.2f s"
                        + " | %.3f | %d / %d / %d ms | %.0f %% | %.1f MB | %s |",
                round, wall, firstPickNs / 1e9, checkSpan, perCheck, ideal, wall / ideal, idealSequential,
                wall / idealSequential, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
                sorted[sorted.length - 1], 100 * busy / wall, heap, loadAverage());
        System.out.println(row);
        return row;
    }

    static double usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
    }

    static void write(List<String> args, double createSeconds, double heapBefore, List<String> rows)
            throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# recheck round benchmark, %s, %s%n", LABEL, Instant.now()));
        s.append(String.format(Locale.ROOT, "java %s, %d cpus, max heap %d MB, engine %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, ENGINE));
        s.append(String.format(Locale.ROOT, "%d integrations (created in %.1f s), fake delay %d ms per response,"
                + " max-concurrent %d%n", INTEGRATIONS, createSeconds, DELAY_MS, CONCURRENCY));
        s.append("arguments: ").append(args.stream().filter(a -> !a.startsWith("--app.keyset.inline")).toList())
                .append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "used heap after GC before round 1: %.1f MB%n", heapBefore));
        s.append("| round | wall | first pick | first..last start | requests/check | ideal (requests) | ratio |"
                + " ideal (2 sequential) | ratio | check p50/p95/max | workers busy | heap after GC | load |")
                .append(System.lineSeparator());
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|").append(System.lineSeparator());
        rows.forEach(r -> s.append(r).append(System.lineSeparator()));
        Path out = Path.of("target", "benchmark", "rounds-" + LABEL + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s.toString());
        System.out.print(s);
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
