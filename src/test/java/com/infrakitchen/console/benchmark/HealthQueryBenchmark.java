package com.infrakitchen.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.infrakitchen.console.health.Attention;
import com.infrakitchen.console.health.HealthCounts;
import com.infrakitchen.console.health.HealthReport;
import com.infrakitchen.console.health.HealthService;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.health.internal.HealthStore;
import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.ConsoleInstances;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.support.GridData.Check;
import com.infrakitchen.console.support.GridData.Generated;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Figures, not assertions: how fast {@code /health} ({@link HealthService#report()} and its two store queries) and
 * the grid filtered by each connection status (page 1 by name and its count) are with 100,000 integrations with
 * realistic check histories, on H2 (file) and PostgreSQL. Skipped unless {@code -Dbenchmark=true}; the PostgreSQL
 * half also needs {@code -Dpostgres=true}. The method and the figures are in docs/benchmarks/health.md; each run
 * writes {@code docs/benchmarks/health-results/health-<label>.md}.
 *
 * <p>The only assertions are on correctness: the grid's pages and counts per status equal what the generated data
 * says (GridData.check), and the report's states, counts and "failing since" equal those computed in Java.
 *
 * <p>Options: {@code -Dbenchmark.sizes=100000}, {@code -Dbenchmark.warmup=20}, {@code -Dbenchmark.runs=100},
 * {@code -Dbenchmark.engines=h2,postgresql}, {@code -Dbenchmark.label=run}, {@code -Dbenchmark.timeout=30}
 * (seconds), {@code -Dbenchmark.keep=true} (PostgreSQL: do not drop the database afterwards).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthQueryBenchmark {

    private static final int PAGE = 50;
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("benchmark.sizes", "100000")
            .split(",")).map(String::strip).map(Integer::parseInt).toList();
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup", 20);
    private static final int TIMED_ROUNDS = Integer.getInteger("benchmark.runs", 100);
    private static final String LABEL = System.getProperty("benchmark.label", "run");
    private static final List<String> ENGINES = List.of(System.getProperty("benchmark.engines", "h2,postgresql")
            .toLowerCase(Locale.ROOT).split(","));
    private static final Path OUT = Path.of("docs", "benchmarks", "health-results");
    /**
     * Statements taking longer are cancelled (spring.jdbc.template.query-timeout): the code before V10 ranks every
     * stored result for /health, which at 100,000 integrations on H2 does not finish in minutes. A query that times
     * out in its first call is reported as such and not timed.
     */
    private static final int TIMEOUT_SECONDS = Integer.getInteger("benchmark.timeout", 30);
    /** Leaves the PostgreSQL database in place for EXPLAIN (the H2 file stays under target/ anyway). */
    private static final boolean KEEP = Boolean.getBoolean("benchmark.keep");
    private static final Duration STALE_AFTER = Duration.ofHours(12); // twice app.health.check-interval's default

    private static final List<String> REPORT = new ArrayList<>();

    @BeforeEach
    void enabled() {
        assumeTrue(Boolean.getBoolean("benchmark"), "Health query benchmark skipped: run with -Dbenchmark=true"
                + " (add -Dpostgres=true for PostgreSQL); see docs/benchmarks/health.md");
    }

    @Test
    @Order(1)
    void h2() throws Exception {
        assumeTrue(ENGINES.contains("h2"), "H2 not in -Dbenchmark.engines");
        for (int size : SIZES) {
            Path dir = Path.of("target", "bench-health-h2", String.valueOf(size));
            FileSystemUtils.deleteRecursively(dir);
            String url = "jdbc:h2:file:./" + dir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            run("H2", size, url, "sa", "", null);
        }
    }

    @Test
    @Order(2)
    void postgresql() throws Exception {
        assumeTrue(ENGINES.contains("postgresql"), "PostgreSQL not in -Dbenchmark.engines");
        Postgres.assumeEnabled();
        for (int size : SIZES) {
            String url = Postgres.createDatabase();
            try {
                run("PostgreSQL", size, url, Postgres.USER, Postgres.PASSWORD, "postgres");
            } finally {
                if (KEEP) {
                    System.out.println("Kept the benchmark's database (-Dbenchmark.keep=true): " + url);
                } else {
                    Postgres.dropDatabase(url);
                }
            }
        }
    }

    @AfterAll
    static void write() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        Files.createDirectories(OUT);
        List<String> lines = new ArrayList<>();
        lines.add("# Health query benchmark, " + LABEL + " (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        lines.add("");
        lines.add("JDK " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; "
                + WARMUP_ROUNDS + " warm-up rounds, " + TIMED_ROUNDS + " timed rounds (each round runs every query"
                + " once, in order); page size " + PAGE + ".");
        lines.add("");
        lines.addAll(REPORT);
        Path file = OUT.resolve("health-" + LABEL + ".md");
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
        System.out.println("Written to " + file.toAbsolutePath());
    }

    // ---- data ------------------------------------------------------------------------------------------

    /**
     * GridData's integrations with check histories of /health's kinds, ending around {@code now}: 6 % never
     * tested, 78 % connected for 3 to 8 checks six hours apart (3 % of those last tested 13 h to 3 days ago), 7 %
     * failing (2 to 4 passes, then 2 to 8 failures), 4 % warning after passes, 3 % flapping, 2 % whose newest check
     * tested another organization (outdated). Tokens: 3 % expire within 14 days, 1 % expired, the rest later or
     * never.
     */
    static List<Generated> generate(int size, Instant now) {
        Random random = new Random(7);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Generated> out = new ArrayList<>(size);
        for (Generated g : new GridData.Generator(42).generate(size)) {
            LocalDate expires = null;
            if (g.pat()) {
                int e = random.nextInt(100);
                expires = e < 3 ? today.plusDays(random.nextInt(15)) : e < 4 ? today.minusDays(1 + random.nextInt(60))
                        : e < 90 ? today.plusDays(15 + random.nextInt(350)) : null;
            }
            List<CheckCategory> history = new ArrayList<>();
            int kind = random.nextInt(100);
            if (kind < 6) {
                // never tested
            } else if (kind < 84) {
                repeat(history, CheckCategory.CONNECTED, 3 + random.nextInt(6));
            } else if (kind < 91) {
                repeat(history, CheckCategory.CONNECTED, 2 + random.nextInt(3));
                repeat(history, random.nextBoolean() ? CheckCategory.TOKEN_EXPIRED
                        : CheckCategory.ORGANIZATION_NOT_FOUND, 2 + random.nextInt(7));
            } else if (kind < 95) {
                repeat(history, CheckCategory.CONNECTED, 2 + random.nextInt(3));
                repeat(history, CheckCategory.CODE_WRITE_MISSING, 1 + random.nextInt(3));
            } else {
                for (int k = 3 + random.nextInt(6); k > 0; k--) {
                    history.add(random.nextBoolean() ? CheckCategory.CONNECTED : CheckCategory.TOKEN_EXPIRED);
                }
            }
            boolean stale = kind >= 6 && kind < 84 && random.nextInt(100) < 3;
            boolean outdated = !history.isEmpty() && random.nextInt(100) < 2;
            Instant last = stale ? now.minus(13 * 60 + random.nextInt(59 * 60), ChronoUnit.MINUTES)
                    : now.minus(random.nextInt(5 * 3600), ChronoUnit.SECONDS);
            Generated h = new Generated(g.id(), g.name(), g.organization(), g.description(), g.labels(), g.pat(),
                    g.enabled(), expires, g.createdAt(), g.updatedAt(), g.createdBy(), g.updatedBy(), g.version(),
                    new ArrayList<>());
            for (int k = 0; k < history.size(); k++) {
                int back = history.size() - 1 - k;
                boolean newest = back == 0;
                h.checks().add(new Check(UUID.nameUUIDFromBytes((g.name() + "/health/" + k).getBytes(
                        StandardCharsets.UTF_8)), last.minus(6L * back, ChronoUnit.HOURS).plusMillis(k),
                        history.get(k), newest && outdated ? "other-org" : g.organization(),
                        g.pat() ? g.createdAt() : null));
            }
            out.add(h);
        }
        return out;
    }

    private static void repeat(List<CheckCategory> history, CheckCategory category, int times) {
        for (int k = 0; k < times; k++) {
            history.add(category);
        }
    }

    /** What /health should say of one generated integration, computed in Java (null: nothing to say). */
    record Expected(Attention attention, Instant failingSince) {
    }

    static Map<UUID, Expected> expected(List<Generated> data, Instant now) {
        LocalDate expiringBy = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(CredentialExpiry.WARNING_DAYS);
        Map<UUID, Expected> out = new HashMap<>();
        for (Generated g : data) {
            if (!g.enabled()) {
                continue;
            }
            Check newest = g.newestCheck();
            boolean expiring = g.tokenExpiresOn() != null && !g.tokenExpiresOn().isAfter(expiringBy);
            Attention a;
            Instant since = null;
            if (newest != null && newest.category().outcome() == CheckOutcome.FAILED) {
                a = Attention.FAILING;
                List<Check> checks = g.checks(); // oldest first
                int k = checks.size() - 1;
                while (k > 0 && checks.get(k - 1).category().outcome() == CheckOutcome.FAILED) {
                    k--;
                }
                since = checks.get(k).checkedAt();
            } else if (newest != null && newest.category().outcome() == CheckOutcome.WARNING) {
                a = Attention.WARNING;
            } else if (expiring) {
                a = Attention.EXPIRING;
            } else if (newest == null) {
                a = Attention.NEVER_TESTED;
            } else if (newest.checkedAt().isBefore(now.minus(STALE_AFTER))) {
                a = Attention.STALE;
            } else {
                continue;
            }
            out.put(g.id(), new Expected(a, since));
        }
        return out;
    }

    /** One row of /health as the test expects it. */
    record Ranked(UUID id, Attention attention, Instant failingSince) {
    }

    /**
     * The first {@code limit} rows /health should list, in its order: by state, then the longest failing, the
     * oldest warning, the soonest expiry, the oldest check (never tested: none), then by name.
     */
    static List<Ranked> worst(List<Generated> data, Map<UUID, Expected> expected, int limit) {
        Map<UUID, Generated> byId = new HashMap<>();
        data.forEach(g -> byId.put(g.id(), g));
        Comparator<UUID> order = Comparator.<UUID, Attention>comparing(id -> expected.get(id).attention())
                .thenComparing(id -> orderKey(byId.get(id), expected.get(id)),
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(id -> byId.get(id).nameKey());
        return expected.keySet().stream().sorted(order).limit(limit)
                .map(id -> new Ranked(id, expected.get(id).attention(), expected.get(id).failingSince())).toList();
    }

    private static Instant orderKey(Generated g, Expected e) {
        return switch (e.attention()) {
            case FAILING -> e.failingSince();
            case WARNING, STALE -> g.newestCheck().checkedAt();
            case EXPIRING -> g.tokenExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            case NEVER_TESTED -> null;
        };
    }

    /** Each state on its own among the enabled integrations, as /health counts them. */
    static HealthCounts expectedCounts(List<Generated> data, Instant now) {
        LocalDate expiringBy = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(CredentialExpiry.WARNING_DAYS);
        long failing = 0;
        long warning = 0;
        long expiring = 0;
        long never = 0;
        long stale = 0;
        for (Generated g : data) {
            if (!g.enabled()) {
                continue;
            }
            Check newest = g.newestCheck();
            CheckOutcome outcome = newest == null ? null : newest.category().outcome();
            failing += outcome == CheckOutcome.FAILED ? 1 : 0;
            warning += outcome == CheckOutcome.WARNING ? 1 : 0;
            expiring += g.tokenExpiresOn() != null && !g.tokenExpiresOn().isAfter(expiringBy) ? 1 : 0;
            never += newest == null ? 1 : 0;
            stale += newest != null && newest.checkedAt().isBefore(now.minus(STALE_AFTER)) ? 1 : 0;
        }
        return new HealthCounts(failing, warning, expiring, never, stale);
    }

    // ---- one engine, one size --------------------------------------------------------------------------

    private void run(String engine, int size, String url, String user, String password, String profile)
            throws Exception {
        String keyset = TestKeysets.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Generated> data = generate(size, now);
        long checkRows = data.stream().mapToLong(g -> g.checks().size()).sum();
        long fillMillis;
        try (ConfigurableApplicationContext context = start(url, user, password, profile, keyset)) {
            DataSource dataSource = context.getBean(DataSource.class);
            long fillStart = System.nanoTime();
            GridData.fill(dataSource, data, context.getBean(SecretCipher.class));
            fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (engine.equals("H2")) {
                    s.execute("ANALYZE");
                } else {
                    c.setAutoCommit(true);
                    s.execute("VACUUM ANALYZE");
                }
            }
        }
        if (engine.equals("H2")) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        try (ConfigurableApplicationContext context = start(url, user, password, profile, keyset)) {
            IntegrationService service = context.getBean(IntegrationService.class);
            HealthService health = context.getBean(HealthService.class);
            HealthStore store = context.getBean(HealthStore.class);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

            List<Query> queries = new ArrayList<>();
            queries.add(new Query("HealthService.report()", null, () -> health.report()));
            queries.add(new Query("HealthStore.counts", null,
                    () -> store.counts(today.plusDays(CredentialExpiry.WARNING_DAYS), Instant.now().minus(STALE_AFTER))));
            queries.add(new Query("HealthStore.worst (" + HealthService.MAX_ROWS + " rows)", null,
                    () -> store.worst(HealthService.MAX_ROWS, today.plusDays(CredentialExpiry.WARNING_DAYS),
                            Instant.now().minus(STALE_AFTER), today)));
            queries.add(new Query("HealthStore.overview", null, store::overview));
            for (ConnectionStatus status : ConnectionStatus.values()) {
                IntegrationFilter f = new IntegrationFilter(null, List.of(), null, null, status, null);
                queries.add(new Query("grid page 1 by name, " + status.label(), f,
                        () -> service.find(f, IntegrationSort.DEFAULT, 0, PAGE)));
                queries.add(new Query("grid count, " + status.label(), f, () -> service.count(f)));
            }
            IntegrationFilter failedEnabled = new IntegrationFilter(null, List.of(), null, true,
                    ConnectionStatus.FAILED, null);
            queries.add(new Query("grid page 1 by name, Failed + enabled", failedEnabled,
                    () -> service.find(failedEnabled, IntegrationSort.DEFAULT, 0, PAGE)));
            queries.add(new Query("grid count, Failed + enabled", failedEnabled, () -> service.count(failedEnabled)));

            // correctness first: the grid against the generated data, /health against Java's reading of it
            Map<String, Long> matched = new LinkedHashMap<>();
            Map<UUID, Expected> expected = expected(data, now);
            List<Generated> generated = data;
            As.user("bench", "VIEWER", () -> {
                for (ConnectionStatus status : ConnectionStatus.values()) {
                    IntegrationFilter f = new IntegrationFilter(null, List.of(), null, null, status, null);
                    GridData.check(f, null, 0, PAGE, generated, service);
                    for (boolean ascending : new boolean[] {true, false}) {
                        GridData.check(f, new IntegrationSort(IntegrationSort.Field.NAME, ascending), 0, PAGE,
                                generated, service);
                        GridData.check(f, new IntegrationSort(IntegrationSort.Field.UPDATED, ascending), 500, PAGE,
                                generated, service);
                    }
                }
                GridData.check(failedEnabled, null, 0, PAGE, generated, service);
                GridData.check(failedEnabled, IntegrationSort.DEFAULT, 0, PAGE, generated, service);
                return null;
            });
            // the first call of each query: its correctness for /health, or that it timed out
            List<String> timedOut = new ArrayList<>();
            As.user("bench", "VIEWER", () -> {
                for (Query q : queries) {
                    long first = System.nanoTime();
                    try {
                        Object result = q.call.get();
                        if (result instanceof HealthReport report) {
                            assertThat(report.total()).isEqualTo(expected.size());
                            assertThat(report.counts()).isEqualTo(expectedCounts(generated, now));
                            assertThat(report.items()).extracting(i -> new Ranked(i.id(), i.attention(),
                                    i.failingSince())).containsExactlyElementsOf(worst(generated, expected,
                                    HealthService.MAX_ROWS));
                        }
                    } catch (org.springframework.dao.DataAccessException e) {
                        timedOut.add(q.name + " (cancelled after " + (System.nanoTime() - first) / 1_000_000
                                + " ms: " + e.getClass().getSimpleName() + ")");
                    }
                }
                return null;
            });
            queries.removeIf(q -> timedOut.stream().anyMatch(t -> t.startsWith(q.name + " (")));
            for (Query q : queries) {
                matched.put(q.name, q.filter == null ? (q.name.startsWith("HealthService") ? expected.size()
                        : q.name.contains("worst") ? HealthService.MAX_ROWS : 1)
                        : generated.stream().filter(g -> g.matches(q.filter)).count());
            }
            data = null;

            String loadBefore = loadAverages();
            Map<String, long[]> nanos = new LinkedHashMap<>();
            for (Query q : queries) {
                nanos.put(q.name, new long[TIMED_ROUNDS]);
            }
            As.user("bench", "VIEWER", () -> {
                for (int round = 0; round < WARMUP_ROUNDS; round++) {
                    for (Query q : queries) {
                        q.call.get();
                    }
                }
                for (int round = 0; round < TIMED_ROUNDS; round++) {
                    for (Query q : queries) {
                        long start = System.nanoTime();
                        Object result = q.call.get();
                        nanos.get(q.name)[round] = System.nanoTime() - start;
                        if (result == null) {
                            throw new IllegalStateException(q.name);
                        }
                    }
                }
                return null;
            });
            String loadAfter = loadAverages();
            Map<Attention, Long> states = new LinkedHashMap<>();
            expected.values().forEach(e -> states.merge(e.attention(), 1L, Long::sum));
            REPORT.add("## " + engine + ", " + String.format(Locale.ROOT, "%,d", size) + " integrations, "
                    + String.format(Locale.ROOT, "%,d", checkRows) + " check rows");
            REPORT.add("");
            REPORT.add("Filled in " + fillMillis + " ms. Needing attention: " + expected.size() + " " + states
                    + ". Load averages (1, 5, 15 min) before the warm-up: " + loadBefore + "; after the timed rounds: "
                    + loadAfter + ".");
            REPORT.add("");
            for (String t : timedOut) {
                REPORT.add("Not timed, its first call timed out (" + TIMEOUT_SECONDS + " s query timeout): " + t
                        + ".");
                REPORT.add("");
            }
            REPORT.add("| Query | Rows matched | min ms | p50 ms | p95 ms | max ms |");
            REPORT.add("|---|---:|---:|---:|---:|---:|");
            for (Query q : queries) {
                long[] n = nanos.get(q.name).clone();
                Arrays.sort(n);
                REPORT.add("| " + q.name + " | " + String.format(Locale.ROOT, "%,d", matched.get(q.name)) + " | "
                        + ms(n[0]) + " | " + ms(percentile(n, 0.50)) + " | " + ms(percentile(n, 0.95)) + " | "
                        + ms(n[n.length - 1]) + " |");
            }
            REPORT.add("");
        }
    }

    private record Query(String name, IntegrationFilter filter, Supplier<Object> call) {
    }

    private static ConfigurableApplicationContext start(String url, String user, String password, String profile,
            String keyset) {
        return ConsoleInstances.startWithProfile(profile, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--app.keyset.inline=" + keyset,
                "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--spring.jdbc.template.query-timeout=" + TIMEOUT_SECONDS + "s");
    }

    private static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
