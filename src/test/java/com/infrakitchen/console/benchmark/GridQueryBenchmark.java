package com.infrakitchen.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.infrakitchen.console.Application;
import com.infrakitchen.console.integration.AuthMethod;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Postgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.support.GenericWebApplicationContext;

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
        List<Generated> data = new Generator(42).generate(size);
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
            labelRows = fill(dataSource, data, context.getBean(SecretCipher.class));
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
            assertThat(scalar(dataSource, "SELECT COUNT(DISTINCT organization) FROM integration"))
                    .isEqualTo(data.stream().map(Generated::organization).distinct().count());

            List<Query> queries = queries(service);
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
            REPORT.add("Filled in " + fillMillis + " ms (" + labelRows + " label rows), "
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
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                // as @SpringBootTest's default (mock) environment: a servlet context for Vaadin, no server
                .contextFactory(ApplicationContextFactory.of(
                        () -> new GenericWebApplicationContext(new MockServletContext())));
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--app.keyset.inline=" + keyset,
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    // ---- the grid's queries -----------------------------------------------------------------------

    private record Query(String name, IntegrationFilter filter, IntegrationSort sort, int offset, boolean count,
            Supplier<Object> call) {
    }

    private static List<Query> queries(IntegrationService service) {
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
                    check(q.filter, null, 0, data, service);
                } else {
                    check(q.filter, q.sort, q.offset, data, service);
                }
            }
            List<IntegrationFilter> filters = List.of(IntegrationFilter.NONE,
                    new IntegrationFilter(SEARCH_FEW, List.of(), null, null),
                    new IntegrationFilter(SEARCH_MANY, List.of(), null, null),
                    new IntegrationFilter(SEARCH_NONE, List.of(), null, null),
                    new IntegrationFilter(null, List.of("eu-west"), null, null),
                    new IntegrationFilter(null, TWO_LABELS, null, null),
                    new IntegrationFilter(null, List.of("prod", "team-payments", "eu-west"), null, null),
                    new IntegrationFilter(null, List.of("experimental", "no-such-label"), null, null),
                    new IntegrationFilter("api", List.of("prod"), null, null),
                    new IntegrationFilter(null, List.of(), AuthMethod.SSH, null),
                    new IntegrationFilter(SEARCH_MANY, List.of(), null, false),
                    new IntegrationFilter("payments", List.of("prod"), AuthMethod.PAT, true),
                    new IntegrationFilter(null, TWO_LABELS, null, false),
                    new IntegrationFilter(null, List.of("prod"), null, null),
                    new IntegrationFilter(null, List.of("prod"), null, false),
                    new IntegrationFilter(SEARCH_FEW, List.of("prod"), null, null),
                    new IntegrationFilter(null, List.of("experimental", "v2"), null, null),
                    new IntegrationFilter(null, List.of("no-such-label"), null, null),
                    new IntegrationFilter(null, List.of("prod", "team-payments", "eu-west"), AuthMethod.SSH, null),
                    // Short, non-ASCII, and LIKE wildcards and escape that must match literally (none of these
                    // three is in the data; unescaped, the first two would match thousands of rows).
                    new IntegrationFilter("qa", List.of(), null, null),
                    new IntegrationFilter("é", List.of(), null, null),
                    new IntegrationFilter("payments_api", List.of(), null, null),
                    new IntegrationFilter("pay%api", List.of(), null, null),
                    new IntegrationFilter("api\\", List.of(), null, null));
            for (IntegrationFilter filter : filters) {
                check(filter, null, 0, data, service);
                for (IntegrationSort.Field field : IntegrationSort.Field.values()) {
                    for (boolean ascending : new boolean[] {true, false}) {
                        for (int offset : new int[] {0, 500}) {
                            check(filter, new IntegrationSort(field, ascending), offset, data, service);
                        }
                    }
                }
            }
        });
        return matched;
    }

    /** One page (or, without a sort, the count) against the generated data. */
    private static void check(IntegrationFilter filter, IntegrationSort sort, int offset, List<Generated> data,
            IntegrationService service) {
        List<Generated> expected = data.stream().filter(g -> g.matches(filter)).toList();
        String what = filter + " " + sort + " offset " + offset;
        if (sort == null) {
            assertThat(service.count(filter)).as(what).isEqualTo(expected.size());
            return;
        }
        List<Generated> page = expected.stream().sorted(order(sort)).skip(offset).limit(PAGE).toList();
        List<IntegrationSummary> actual = service.find(filter, sort, offset, PAGE);
        assertThat(actual).as(what).extracting(IntegrationSummary::id)
                .containsExactlyElementsOf(page.stream().map(Generated::id).toList());
        for (int i = 0; i < page.size(); i++) {
            Generated g = page.get(i);
            IntegrationSummary s = actual.get(i);
            assertThat(s.labels()).as(what).containsExactlyElementsOf(g.labels.stream().sorted().toList());
            assertThat(s.name()).isEqualTo(g.name);
            assertThat(s.organization()).isEqualTo(g.organization);
            assertThat(s.description()).isEqualTo(g.description);
            assertThat(s.updatedAt()).isEqualTo(g.updatedAt);
            assertThat(s.tokenConfigured()).isEqualTo(g.pat);
            assertThat(s.enabled()).isEqualTo(g.enabled);
            assertThat(s.tokenExpiresOn()).isEqualTo(g.tokenExpiresOn);
        }
    }

    /** The grid's order (IntegrationQueries.orderBy): the column, then the name; updated_at is unique here. */
    private static Comparator<Generated> order(IntegrationSort sort) {
        Comparator<Generated> byName = Comparator.comparing(Generated::nameKey);
        Comparator<Generated> primary = switch (sort.field()) {
            case NAME -> byName;
            case METHOD -> Comparator.comparing(g -> g.pat ? "PAT" : "SSH");
            case ORGANIZATION -> Comparator.comparing(Generated::organization);
            case TOKEN_EXPIRY -> Comparator.comparing(Generated::tokenExpiresOn,
                    Comparator.nullsLast(sort.ascending() ? Comparator.<LocalDate>naturalOrder()
                            : Comparator.<LocalDate>reverseOrder()));
            case UPDATED -> Comparator.comparing(Generated::updatedAt);
            case STATUS -> Comparator.comparing(Generated::enabled);
        };
        if (!sort.ascending() && sort.field() != IntegrationSort.Field.TOKEN_EXPIRY) {
            primary = primary.reversed();
        }
        return primary.thenComparing(byName);
    }

    // ---- data -------------------------------------------------------------------------------------

    private record Generated(UUID id, String name, String organization, String description, List<String> labels,
            boolean pat, boolean enabled, LocalDate tokenExpiresOn, Instant createdAt, Instant updatedAt,
            String createdBy, String updatedBy, long version) {

        String nameKey() {
            return name.toLowerCase(Locale.ROOT);
        }

        /** As IntegrationService.Valid.searchText(). */
        String searchText() {
            return (name + "\n" + organization + "\n" + (description == null ? "" : description))
                    .toLowerCase(Locale.ROOT);
        }

        boolean matches(IntegrationFilter f) {
            return (f.search() == null || searchText().contains(f.search())) && labels.containsAll(f.labels())
                    && (f.method() == null || f.method() == (pat ? AuthMethod.PAT : AuthMethod.SSH))
                    && (f.enabled() == null || f.enabled() == enabled);
        }
    }

    /**
     * Realistic, reproducible integrations: names like {@code payments-api-prod-042}, about 200 organizations,
     * 0 to 200 characters of description (a quarter have none), 0 to 5 labels out of 40 (some far more common
     * than others), updated over the last year, 85 % PAT (with a real ciphertext) and 15 % SSH.
     */
    static final class Generator {

        static final List<String> DOMAINS = List.of("payments", "billing", "identity", "checkout", "catalog",
                "inventory", "shipping", "search", "pricing", "ledger", "notifications", "reporting", "analytics",
                "onboarding", "accounts", "orders", "loyalty", "fraud", "risk", "crm", "hr", "payroll", "docs",
                "media", "messaging", "scheduler", "gateway", "platform", "data", "ml");
        static final List<String> COMPONENTS = List.of("api", "web", "worker", "etl", "sync", "gateway", "service",
                "jobs", "portal", "infra", "pipeline", "mobile");
        static final List<String> ENVIRONMENTS = List.of("prod", "staging", "dev", "qa", "test", "sandbox");
        static final List<String> ORG_BASES = List.of("contoso", "fabrikam", "northwind", "adventure-works",
                "tailspin", "woodgrove", "litware", "proseware", "wingtip", "alpine-ski", "blue-yonder", "coho",
                "fourth-coffee", "lamna", "margies-travel", "munson", "relecloud", "trey-research", "wide-world",
                "graphic-design", "humongous", "lucerne", "datum", "consolidated", "southridge", "nod-publishers",
                "bellows", "woodgrove-bank", "city-power", "best-for-you", "first-up", "alpine-house",
                "tasmanian-traders", "vanarsdel", "boulder-innovations", "northwind-traders", "fabrikam-fiber",
                "contoso-pharma", "litware-labs", "coho-winery");
        static final List<String> ORG_SUFFIXES = List.of("", "-platform", "-eu", "-us", "-internal");
        static final List<String> LABELS = List.of("prod", "staging", "dev", "qa", "team-payments",
                "team-identity", "team-platform", "team-data", "team-web", "team-mobile", "team-search",
                "team-billing", "eu-west", "eu-central", "us-east", "us-west", "ap-south", "pci", "gdpr", "sox",
                "critical", "tier-1", "tier-2", "tier-3", "deprecated", "legacy", "migrating", "terraform", "bicep",
                "helm", "kubernetes", "vm", "serverless", "nightly", "on-call", "cost-center-100",
                "cost-center-200", "cost-center-300", "v2", "experimental");
        static final List<String> PHRASES = List.of("Deploys the service to production.",
                "Release pipeline for the staging environment.", "Owned by the payments team.",
                "Nightly ETL job, rebuilds the reporting tables.", "Uses a service connection with read-only scope.",
                "Migrating to workload identity federation next quarter.", "Do not disable without telling on-call.",
                "Builds container images and pushes them to the registry.", "Legacy integration kept for audits.",
                "Runs infrastructure plans and applies them after approval.",
                "Syncs work items between projects.", "Token owned by the platform service account.",
                "Creates preview environments for pull requests.", "Used by the prod deployment gates.",
                "Mirrors repositories from the old organization.");
        static final List<String> USERS = List.of("admin", "alice.admin", "bob.editor", "carol.editor",
                "dave.ops", "erin.platform", "frank.sre", "grace.payments", "heidi.data", "ivan.identity");

        private final Random random;

        Generator(long seed) {
            random = new Random(seed);
        }

        List<Generated> generate(int size) {
            List<String> organizations = new ArrayList<>();
            for (String base : ORG_BASES) {
                for (String suffix : ORG_SUFFIXES) {
                    organizations.add(base + suffix);
                }
            }
            double[] labelWeights = new double[LABELS.size()];
            double total = 0;
            for (int i = 0; i < labelWeights.length; i++) {
                total += 1.0 / Math.sqrt(i + 1); // the first labels are the common ones
                labelWeights[i] = total;
            }
            Set<String> names = new HashSet<>();
            Set<Instant> updates = new HashSet<>();
            Instant now = Instant.parse("2026-05-01T12:00:00Z");
            List<Generated> out = new ArrayList<>(size);
            while (out.size() < size) {
                String name = pick(DOMAINS) + "-" + pick(COMPONENTS) + "-" + pick(ENVIRONMENTS) + "-"
                        + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
                if (!names.add(name)) {
                    continue;
                }
                String description = null;
                if (random.nextInt(4) > 0) {
                    StringBuilder d = new StringBuilder();
                    int length = random.nextInt(201);
                    while (d.length() < length) {
                        d.append(d.isEmpty() ? "" : " ").append(pick(PHRASES));
                    }
                    description = d.substring(0, length).strip();
                    if (description.isEmpty()) {
                        description = null;
                    }
                }
                List<String> labels = new ArrayList<>();
                int labelCount = random.nextInt(6);
                while (labels.size() < labelCount) {
                    double x = random.nextDouble() * total;
                    int i = 0;
                    while (labelWeights[i] < x) {
                        i++;
                    }
                    if (!labels.contains(LABELS.get(i))) {
                        labels.add(LABELS.get(i));
                    }
                }
                Instant updated;
                do {
                    updated = now.minus(random.nextLong(365L * 24 * 3600 * 1_000_000), ChronoUnit.MICROS);
                } while (!updates.add(updated));
                Instant created = updated.minus(random.nextLong(365L * 24 * 3600), ChronoUnit.SECONDS);
                boolean pat = random.nextInt(100) < 85;
                LocalDate expires = pat && random.nextInt(10) > 0
                        ? LocalDate.of(2026, 4, 1).plusDays(random.nextInt(400)) : null;
                out.add(new Generated(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name,
                        pick(organizations), description, List.copyOf(labels), pat, random.nextInt(10) > 0,
                        expires, created, updated, pick(USERS), pick(USERS), random.nextInt(6)));
            }
            return out;
        }

        private String pick(List<String> list) {
            return list.get(random.nextInt(list.size()));
        }
    }

    /** Batch inserts mirroring the columns IntegrationService writes. Returns the number of label rows. */
    private static int fill(DataSource dataSource, List<Generated> data, SecretCipher cipher) throws SQLException {
        int labelRows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement integration = c.prepareStatement("INSERT INTO integration (id, name, name_key,"
                    + " description, method, organization, enabled, token_expires_on, pat_ciphertext, pat_key_id,"
                    + " pat_set_at, search_text, created_at, created_by, updated_at, updated_by, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement label = c.prepareStatement(
                            "INSERT INTO integration_label (integration_id, label) VALUES (?, ?)")) {
                int n = 0;
                for (Generated g : data) {
                    byte[] ciphertext = null;
                    if (g.pat) {
                        Secret token = Secret.of(fakeToken(g.id));
                        ciphertext = cipher.seal(token, "integration/" + g.id + "/pat/v1");
                        token.wipe();
                    }
                    integration.setObject(1, g.id);
                    integration.setString(2, g.name);
                    integration.setString(3, g.nameKey());
                    integration.setString(4, g.description);
                    integration.setString(5, g.pat ? "PAT" : "SSH");
                    integration.setString(6, g.organization);
                    integration.setBoolean(7, g.enabled);
                    integration.setObject(8, g.tokenExpiresOn);
                    integration.setBytes(9, ciphertext);
                    integration.setObject(10, ciphertext == null ? null : SecretCipher.keyIdOf(ciphertext),
                            java.sql.Types.INTEGER);
                    integration.setObject(11, g.pat ? offset(g.createdAt) : null,
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    integration.setString(12, g.searchText());
                    integration.setObject(13, offset(g.createdAt));
                    integration.setString(14, g.createdBy);
                    integration.setObject(15, offset(g.updatedAt));
                    integration.setString(16, g.updatedBy);
                    integration.setLong(17, g.version);
                    integration.addBatch();
                    for (String l : g.labels) {
                        label.setObject(1, g.id);
                        label.setString(2, l);
                        label.addBatch();
                        labelRows++;
                    }
                    if (++n % 1000 == 0) {
                        // one batch round trip per 1,000 rows; commits every 10,000
                        integration.executeBatch();
                        label.executeBatch();
                        if (n % 10_000 == 0) {
                            c.commit();
                        }
                    }
                }
                integration.executeBatch();
                label.executeBatch();
                c.commit();
            }
        }
        return labelRows;
    }

    private static String fakeToken(UUID id) {
        return (id.toString().replace("-", "") + id.toString().replace("-", "")).substring(0, 52);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What the engines' own statistics jobs would have done by the time a table has this many rows. */
    private static void analyze(DataSource dataSource, String engine) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (engine.equals("H2")) {
                s.execute("ANALYZE");
            } else {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE integration");
                s.execute("VACUUM ANALYZE integration_label");
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
