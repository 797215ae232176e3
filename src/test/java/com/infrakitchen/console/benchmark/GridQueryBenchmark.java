package com.infrakitchen.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.ConsoleInstances;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.support.GridData.Generated;
import com.infrakitchen.console.support.Postgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * Figures, not assertions: how fast the integrations grid's queries are with 10,000 and 100,000
 * integrations, on H2 (file database, the production default) and on PostgreSQL, measured through
 * {@link IntegrationService} as a signed-in viewer (method security and transactions included).
 * Skipped unless {@code -Dbenchmark=true}; the PostgreSQL half also needs {@code -Dpostgres=true}.
 * Results go to {@code target/benchmark/}; the method and the figures are in docs/benchmarks/grid.md.
 *
 * <p>The only assertions are on correctness: the data was stored as generated, and every measured query,
 * and every sort in both directions with a dozen filters, returns exactly the rows and counts computed in
 * Java from the generated data, so changing the grid's SQL cannot silently change its results.
 *
 * <p>Options: {@code -Dbenchmark.sizes=10000,100000}, {@code -Dbenchmark.warmup=30},
 * {@code -Dbenchmark.runs=200}, {@code -Dbenchmark.engines=h2,postgresql}, {@code -Dbenchmark.label=run}
 * (names the results file), {@code -Dbenchmark.keep=true} (keeps the PostgreSQL databases for EXPLAIN),
 * {@code -Dbenchmark.mixed=true} (also times other label filters: with status or search, one label, a rare
 * pair, a label nobody has), and three experiments: {@code -Dbenchmark.h2.options=;CACHE_SIZE=65536},
 * {@code -Dbenchmark.pg.random_page_cost=1.1},
 * {@code -Dbenchmark.pg.without-trigram=true} (drops V5's trigram index, as where pg_trgm cannot be created).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GridQueryBenchmark {

    private static final int PAGE = 50;
    private static final List<Integer> SIZES = Stream.of(System.getProperty("benchmark.sizes", "10000,100000")
            .split(",")).map(String::strip).map(Integer::parseInt).toList();
    private static final int WARMUP_ROUNDS = Integer.getInteger("benchmark.warmup", 30);
    private static final int TIMED_ROUNDS = Integer.getInteger("benchmark.runs", 200);
    private static final String LABEL = System.getProperty("benchmark.label", "run");
    private static final boolean KEEP = Boolean.getBoolean("benchmark.keep");
    private static final List<String> ENGINES = List.of(System.getProperty("benchmark.engines", "h2,postgresql")
            .toLowerCase(Locale.ROOT).split(","));
    /** Extra H2 URL settings for experiments (e.g. ";CACHE_SIZE=65536"); none by default, as in production. */
    private static final String H2_OPTIONS = System.getProperty("benchmark.h2.options", "");
    /** PostgreSQL planner cost of a random page for the benchmark database (experiment); server default if unset. */
    private static final String PG_RANDOM_PAGE_COST = System.getProperty("benchmark.pg.random_page_cost", "");
    /** Drops V5's trigram index after the schema is created: the fallback where pg_trgm is not available. */
    private static final boolean PG_WITHOUT_TRIGRAM = Boolean.getBoolean("benchmark.pg.without-trigram");
    /** Also times two labels combined with the status filter (a page and its count). */
    private static final boolean MIXED = Boolean.getBoolean("benchmark.mixed");
    private static final Path OUT = Path.of("target", "benchmark");

    /** A substring of about 0.3 % of the names (one domain-component pair): "a few hundred" at 100k. */
    static final String SEARCH_FEW = "ledger-sync";
    /** A substring of about a third of the rows (environment in names, words in descriptions). */
    static final String SEARCH_MANY = "prod";
    /** Matches nothing: the worst case, every row must be looked at. */
    static final String SEARCH_NONE = "zz-no-such-thing";
    static final List<String> TWO_LABELS = List.of("prod", "team-payments");

    private static final List<String> REPORT = new ArrayList<>();
    static final String LATEST_CALL = "(removed) CheckService.latest for page 1's rows";

    @BeforeEach
    void enabled() {
        assumeTrue(Boolean.getBoolean("benchmark"), "Grid query benchmark skipped: run with -Dbenchmark=true"
                + " (add -Dpostgres=true for PostgreSQL); see docs/benchmarks/grid.md");
    }

    @Test
    @Order(1)
    void h2() throws Exception {
        assumeTrue(ENGINES.contains("h2"), "H2 not in -Dbenchmark.engines");
        for (int size : SIZES) {
            Path dir = Path.of("target", "bench-h2", String.valueOf(size));
            FileSystemUtils.deleteRecursively(dir);
            String url = "jdbc:h2:file:./" + dir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" + H2_OPTIONS;
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
                if (!PG_RANDOM_PAGE_COST.isBlank()) {
                    try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
                            Statement s = c.createStatement()) {
                        s.execute("ALTER DATABASE " + url.substring(url.lastIndexOf('/') + 1)
                                + " SET random_page_cost = " + Double.parseDouble(PG_RANDOM_PAGE_COST));
                    }
                }
                run("PostgreSQL", size, url, Postgres.USER, Postgres.PASSWORD, "postgres");
            } finally {
                if (KEEP) {
                    System.out.println("benchmark.keep: kept " + url);
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
        lines.add("# Grid query benchmark, " + LABEL + " (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        lines.add("");
        lines.add("JDK " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; "
                + WARMUP_ROUNDS + " warm-up rounds, " + TIMED_ROUNDS + " timed rounds (each round runs every query"
                + " once, in order); page size " + PAGE + ".");
        lines.add("");
        lines.addAll(REPORT);
        Path file = OUT.resolve("grid-" + LABEL + ".md");
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
        System.out.println("Written to " + file.toAbsolutePath());
    }

    // ---- one engine, one size ---------------------------------------------------------------------

    private void run(String engine, int size, String url, String user, String password, String profile)
            throws Exception {
        String keyset = freshKeyset();
        List<Generated> data = new GridData.Generator(42).generate(size);
        int labelRows;
        long fillMillis;
        long analyzeMillis;
        // First start: Flyway creates the schema, the data goes in, the statistics are gathered.
        try (ConfigurableApplicationContext context = start(url, user, password, profile, keyset)) {
            DataSource dataSource = context.getBean(DataSource.class);
            if (PG_WITHOUT_TRIGRAM && !engine.equals("H2")) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP INDEX IF EXISTS ix_integration_search_trgm");
                }
            }
            long fillStart = System.nanoTime();
            labelRows = GridData.fill(dataSource, data, context.getBean(SecretCipher.class));
            fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
            long analyzeStart = System.nanoTime();
            analyze(dataSource, engine);
            analyzeMillis = (System.nanoTime() - analyzeStart) / 1_000_000;
        }
        if (engine.equals("H2")) {
            // A bulk load leaves the MVStore file full of superseded chunks (gigabytes at 100k rows);
            // a database that grew over months has been compacted in the background and on each close.
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        // Second start, as the application would run: the measured one.
        try (ConfigurableApplicationContext context = start(url, user, password, profile, keyset)) {
            DataSource dataSource = context.getBean(DataSource.class);
            IntegrationService service = context.getBean(IntegrationService.class);
            String version;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(engine.equals("H2")
                            ? "SELECT H2VERSION(), (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                    + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE')"
                            : "SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                                    + " current_setting('random_page_cost')")) {
                rs.next();
                version = engine + " " + rs.getString(1) + (engine.equals("H2")
                        ? " (page cache " + rs.getString(2) + " MB" + H2_OPTIONS + ")"
                        : " (shared_buffers " + rs.getString(2) + ", random_page_cost " + rs.getString(3)
                                + (PG_WITHOUT_TRIGRAM ? ", without the trigram index" : "") + ")");
            }
            assertThat(scalar(dataSource, "SELECT COUNT(*) FROM integration")).isEqualTo(size);
            assertThat(scalar(dataSource, "SELECT COUNT(*) FROM integration_label")).isEqualTo(labelRows);
            long checkRows = data.stream().mapToLong(g -> g.checks().size()).sum();
            assertThat(scalar(dataSource, "SELECT COUNT(*) FROM integration_check")).isEqualTo(checkRows);
            assertThat(scalar(dataSource, "SELECT COUNT(DISTINCT organization) FROM integration"))
                    .isEqualTo(data.stream().map(Generated::organization).distinct().count());

            List<Query> queries = queries(service, context.getBean(CheckService.class));
            Map<String, Long> matched = checkResults(queries, data, service);
            data = null; // nothing of the generated data may stay in the heap figures below

            String loadBefore = loadAverages();
            long heapBefore = heapAfterGc();
            Map<String, long[]> nanos = new LinkedHashMap<>();
            Map<String, long[]> bytes = new LinkedHashMap<>();
            for (Query q : queries) {
                nanos.put(q.name, new long[TIMED_ROUNDS]);
                bytes.put(q.name, new long[TIMED_ROUNDS]);
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            As.user("bench", "VIEWER", () -> {
                for (int round = 0; round < WARMUP_ROUNDS; round++) {
                    for (Query q : queries) {
                        q.call.get();
                    }
                }
                for (int round = 0; round < TIMED_ROUNDS; round++) {
                    for (Query q : queries) {
                        long allocated = threads.getCurrentThreadAllocatedBytes();
                        long start = System.nanoTime();
                        Object result = q.call.get();
                        long took = System.nanoTime() - start;
                        bytes.get(q.name)[round] = threads.getCurrentThreadAllocatedBytes() - allocated;
                        nanos.get(q.name)[round] = took;
                        if (result == null) {
                            throw new IllegalStateException(q.name);
                        }
                    }
                }
            });
            long heapAfter = heapAfterGc();
            String loadAfter = loadAverages();

            String storage = engine.equals("H2") ? h2FileSize(url) : pgSizes(dataSource);
            REPORT.add("## " + version + ", " + String.format(Locale.ROOT, "%,d", size) + " integrations");
            REPORT.add("");
            REPORT.add("Filled in " + fillMillis + " ms (" + labelRows + " label rows, " + checkRows + " check rows), "
                    + (engine.equals("H2") ? "ANALYZE" : "VACUUM ANALYZE") + " " + analyzeMillis + " ms; storage "
                    + storage + ". Heap used after GC: " + mib(heapBefore) + " before the timed runs, "
                    + mib(heapAfter) + " after. Load averages (1, 5, 15 min) before the warm-up: " + loadBefore
                    + "; after the timed rounds: " + loadAfter + ".");
            REPORT.add("");
            REPORT.add("| Query | Rows matched | min ms | p50 ms | p95 ms | max ms | allocated per call (p50) |");
            REPORT.add("|---|---:|---:|---:|---:|---:|---:|");
            for (Query q : queries) {
                long[] n = nanos.get(q.name).clone();
                Arrays.sort(n);
                long[] b = bytes.get(q.name).clone();
                Arrays.sort(b);
                REPORT.add("| " + q.name + " | " + String.format(Locale.ROOT, "%,d", matched.get(q.name)) + " | "
                        + ms(n[0]) + " | " + ms(percentile(n, 0.50)) + " | " + ms(percentile(n, 0.95)) + " | "
                        + ms(n[n.length - 1]) + " | " + kib(percentile(b, 0.50)) + " |");
            }
            REPORT.add("");
        }
    }

    private static ConfigurableApplicationContext start(String url, String user, String password, String profile,
            String keyset) {
        return ConsoleInstances.startWithProfile(profile, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--app.keyset.inline=" + keyset,
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    // ---- the grid's queries -----------------------------------------------------------------------

    private record Query(String name, IntegrationFilter filter, IntegrationSort sort, int offset, boolean count,
            Supplier<Object> call) {
    }

    private static List<Query> queries(IntegrationService service, CheckService checks) {
        IntegrationSort byName = IntegrationSort.DEFAULT;
        IntegrationSort byUpdated = new IntegrationSort(IntegrationSort.Field.UPDATED, false);
        IntegrationFilter few = new IntegrationFilter(SEARCH_FEW, List.of(), null, null);
        IntegrationFilter many = new IntegrationFilter(SEARCH_MANY, List.of(), null, null);
        IntegrationFilter none = new IntegrationFilter(SEARCH_NONE, List.of(), null, null);
        IntegrationFilter labels = new IntegrationFilter(null, TWO_LABELS, null, null);
        List<Query> out = new ArrayList<>();
        out.add(page("page 1, by name", IntegrationFilter.NONE, byName, 0, service));
        out.add(page("page 1, by updated desc", IntegrationFilter.NONE, byUpdated, 0, service));
        out.add(page("page 11 (offset 500), by name", IntegrationFilter.NONE, byName, 500, service));
        out.add(page("search \"" + SEARCH_FEW + "\", page 1", few, byName, 0, service));
        out.add(page("search \"" + SEARCH_FEW + "\", page 1 by updated desc", few, byUpdated, 0, service));
        out.add(page("search \"" + SEARCH_MANY + "\", page 1", many, byName, 0, service));
        out.add(page("search \"" + SEARCH_MANY + "\", page 1 by updated desc", many, byUpdated, 0, service));
        out.add(page("search, no match", none, byName, 0, service));
        out.add(page("labels " + String.join(" + ", TWO_LABELS) + ", page 1", labels, byName, 0, service));
        out.add(page("labels " + String.join(" + ", TWO_LABELS) + ", page 1 by updated desc", labels, byUpdated, 0,
                service));
        out.add(count("count, no filter", IntegrationFilter.NONE, service));
        out.add(count("count, search \"" + SEARCH_FEW + "\"", few, service));
        out.add(count("count, search \"" + SEARCH_MANY + "\"", many, service));
        out.add(count("count, search no match", none, service));
        out.add(count("count, labels " + String.join(" + ", TWO_LABELS), labels, service));
        // For comparison only: the second call the grid made for every page until its query returned the newest
        // checks too (CheckService.latest for the page's ids; the detail page still uses it).
        List<UUID> firstPage = As.user("bench", "VIEWER", () -> service.find(IntegrationFilter.NONE, byName, 0, PAGE))
                .stream().map(IntegrationSummary::id).toList();
        out.add(new Query(LATEST_CALL, IntegrationFilter.NONE, byName, 0, false, () -> checks.latest(firstPage)));
        if (MIXED) {
            // Label filters beyond the target's pair: combined with status or search, one frequent label, one
            // rare label, a rare pair, and a label nobody has.
            IntegrationFilter labelsEnabled = new IntegrationFilter(null, TWO_LABELS, null, true);
            IntegrationFilter prod = new IntegrationFilter(null, List.of("prod"), null, null);
            IntegrationFilter prodSearch = new IntegrationFilter(SEARCH_FEW, List.of("prod"), null, null);
            IntegrationFilter rare = new IntegrationFilter(null, List.of("experimental"), null, null);
            IntegrationFilter rarePair = new IntegrationFilter(null, List.of("experimental", "v2"), null, null);
            IntegrationFilter nobody = new IntegrationFilter(null, List.of("no-such-label"), null, null);
            out.add(page("labels " + String.join(" + ", TWO_LABELS) + ", enabled, page 1", labelsEnabled, byName, 0,
                    service));
            out.add(count("count, labels " + String.join(" + ", TWO_LABELS) + ", enabled", labelsEnabled, service));
            out.add(page("label prod, page 1", prod, byName, 0, service));
            out.add(count("count, label prod", prod, service));
            out.add(page("label prod, search \"" + SEARCH_FEW + "\", page 1", prodSearch, byName, 0, service));
            out.add(count("count, label prod, search \"" + SEARCH_FEW + "\"", prodSearch, service));
            out.add(page("label experimental, page 1", rare, byName, 0, service));
            out.add(page("labels experimental + v2, page 1", rarePair, byName, 0, service));
            out.add(page("label no-such-label, page 1", nobody, byName, 0, service));
        }
        return out;
    }

    private static Query page(String name, IntegrationFilter filter, IntegrationSort sort, int offset,
            IntegrationService service) {
        return new Query(name, filter, sort, offset, false, () -> service.find(filter, sort, offset, PAGE));
    }

    private static Query count(String name, IntegrationFilter filter, IntegrationService service) {
        return new Query(name, filter, null, 0, true, () -> service.count(filter));
    }

    /**
     * Every measured query, and every sort (both directions) with a range of filters on the first and the
     * eleventh page, gives exactly what the generated data says; returns the rows each measured query matches.
     */
    private static Map<String, Long> checkResults(List<Query> queries, List<Generated> data,
            IntegrationService service) {
        Map<String, Long> matched = new LinkedHashMap<>();
        As.user("bench", "VIEWER", () -> {
            for (Query q : queries) {
                matched.put(q.name, data.stream().filter(g -> g.matches(q.filter)).count());
                if (q.count) {
                    GridData.check(q.filter, null, 0, PAGE, data, service);
                } else {
                    GridData.check(q.filter, q.sort, q.offset, PAGE, data, service);
                }
            }
            List<IntegrationFilter> filters = GridData.filters(SEARCH_FEW, SEARCH_MANY, SEARCH_NONE, TWO_LABELS);
            for (IntegrationFilter filter : filters) {
                GridData.check(filter, null, 0, PAGE, data, service);
                for (IntegrationSort.Field field : IntegrationSort.Field.values()) {
                    for (boolean ascending : new boolean[] {true, false}) {
                        for (int offset : new int[] {0, 500}) {
                            GridData.check(filter, new IntegrationSort(field, ascending), offset, PAGE, data, service);
                        }
                    }
                }
            }
        });
        return matched;
    }

    // ---- data -------------------------------------------------------------------------------------

    /** What the engines' own statistics jobs would have done by the time a table has this many rows. */
    private static void analyze(DataSource dataSource, String engine) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (engine.equals("H2")) {
                s.execute("ANALYZE");
            } else {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE integration");
                s.execute("VACUUM ANALYZE integration_label");
                s.execute("VACUUM ANALYZE integration_check");
            }
        }
    }

    private static long scalar(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String pgSizes(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('integration')),"
                        + " pg_size_pretty(pg_indexes_size('integration')),"
                        + " pg_size_pretty(pg_total_relation_size('integration_label'))")) {
            rs.next();
            return "integration " + rs.getString(1) + " + indexes " + rs.getString(2) + ", integration_label "
                    + rs.getString(3) + " with indexes";
        }
    }

    private static String h2FileSize(String url) throws IOException {
        String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db";
        return "H2 file " + Files.size(Path.of(path)) / (1024 * 1024) + " MiB";
    }

    private static String freshKeyset() throws Exception {
        AeadConfig.register();
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- figures ----------------------------------------------------------------------------------

    /** The machine's load averages (other builds share its cores), as uptime shows them. */
    private static String loadAverages() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
