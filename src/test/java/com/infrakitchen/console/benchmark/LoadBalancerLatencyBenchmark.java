package com.infrakitchen.console.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.ConsoleCluster;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.support.Postgres;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Figures, not assertions (issue 14, "Latency through the load balancer"): 20 signed-in sessions at once searching,
 * paging and sorting the grid of 100,000 integrations on PostgreSQL, through HAProxy in front of two instances (the
 * jar, as {@link ConsoleCluster} and deploy/cluster.sh start them). Skipped unless {@code -Dbenchmark=true
 * -De2e=true -Dpostgres=true}; needs the jar ({@code ./mvnw -B -q package -DskipTests}) and HAProxy.
 *
 * <p>One headless Chromium, one window per session: each window opens the console under its own host name
 * ({@code sN.console.test}, mapped to 127.0.0.1 by Chromium's host resolver rules), so each has its own cookies, its
 * own HAProxy stickiness and its own HTTP session. After signing in, each window runs a script that acts like a user
 * every 1 to 3 s: types a search term (40 %), scrolls the grid to a random row (30 %: a page fetch), or clicks a
 * column's sort (30 %). Measured for {@code benchmark.seconds} (default 120) after a 20 s warm-up: for every Vaadin
 * request (UIDL POST) HAProxy's own timers from its log (Tr: until the instance's response; Ta: the whole request
 * through the balancer), and in the browser the round trip of each request (Resource Timing). Writes
 * {@code docs/benchmarks/capacity-results/latency-<label>.md}; method and conclusions in docs/benchmarks/capacity.md.
 */
class LoadBalancerLatencyBenchmark {

    private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 20);
    private static final int SIZE = Integer.getInteger("benchmark.size", 100_000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 120);
    private static final String LABEL = System.getProperty("benchmark.label", "run");
    /** httplog: "backend/server Tq/Tw/Tc/Tr/Ta status ... "POST /?v-r=uidl..."". */
    private static final Pattern LOG = Pattern.compile(
            " instances/(\\S+) (-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+)/(-?\\d+) (\\d{3}) .*\"POST (\\S*v-r=uidl\\S*) ");

    private static final String USER_SCRIPT = """
            (function () {
              const terms = ['pay', 'billing', 'prod', 'contoso', 'api', 'eu', 'worker', 'sync', 'team', ''];
              const bench = window.__bench = {actions: 0, stop: false, rtt: []};
              new PerformanceObserver(list => list.getEntries().forEach(e => {
                if (e.name.includes('v-r=uidl') && bench.measuring) { bench.rtt.push(e.duration); }
              })).observe({type: 'resource', buffered: false});
              function act() {
                if (bench.stop) { return; }
                const grid = document.querySelector('#integrations-grid');
                const search = document.querySelector('#integration-search');
                const r = Math.random();
                if (r < 0.4 && search) {
                  search.value = terms[Math.floor(Math.random() * terms.length)];
                  search.dispatchEvent(new Event('input', {bubbles: true}));
                } else if (r < 0.7 && grid && grid.size) {
                  grid.scrollToIndex(Math.floor(Math.random() * grid.size));
                } else {
                  const sorters = document.querySelectorAll('#integrations-grid vaadin-grid-sorter');
                  if (sorters.length) { sorters[Math.floor(Math.random() * sorters.length)].click(); }
                }
                if (bench.measuring) { bench.actions++; }
                setTimeout(act, 1000 + Math.random() * 2000);
              }
              setTimeout(act, Math.random() * 2000);
            })();
            """;

    @Test
    void twentySessionsThroughHaproxy() throws Exception {
        assumeTrue(Boolean.getBoolean("benchmark"), "Latency benchmark skipped: run with -Dbenchmark=true -De2e=true"
                + " -Dpostgres=true after ./mvnw package; see docs/benchmarks/capacity.md");
        Browser.assumeEnabled();
        Postgres.assumeEnabled();
        try (ConsoleCluster cluster = ConsoleCluster.start(2, List.of("--app.health.scheduled-checks=false"))) {
            long fillStart = System.nanoTime();
            fill(cluster);
            long fillSeconds = (System.nanoTime() - fillStart) / 1_000_000_000;
            ChromeDriver driver = Browser.start(List.of("--host-resolver-rules=MAP *.console.test 127.0.0.1",
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows"));
            try {
                List<String> windows = new ArrayList<>();
                for (int n = 1; n <= SESSIONS; n++) {
                    if (n > 1) {
                        driver.switchTo().newWindow(WindowType.WINDOW);
                    }
                    windows.add(driver.getWindowHandle());
                    signIn(driver, "http://s" + n + ".console.test:" + cluster.balancerPort());
                    driver.executeScript(USER_SCRIPT);
                }
                Thread.sleep(20_000);
                Instant from = Instant.now();
                long logFrom = Files.size(cluster.balancerLog());
                for (String w : windows) {
                    driver.switchTo().window(w);
                    driver.executeScript("window.__bench.measuring = true;");
                }
                double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                Thread.sleep(SECONDS * 1000L);
                double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                List<Double> browser = new ArrayList<>();
                long actions = 0;
                for (String w : windows) {
                    driver.switchTo().window(w);
                    Object rtt = driver.executeScript(
                            "window.__bench.stop = true; window.__bench.measuring = false;"
                                    + " return [window.__bench.actions, window.__bench.rtt];");
                    List<?> pair = (List<?>) rtt;
                    actions += ((Number) pair.get(0)).longValue();
                    for (Object d : (List<?>) pair.get(1)) {
                        browser.add(((Number) d).doubleValue());
                    }
                }
                Instant to = Instant.now();
                String log = Files.readString(cluster.balancerLog());
                write(parse(log.substring((int) Math.min(logFrom, log.length()))), browser, actions, from, to,
                        fillSeconds, load0, load1);
            } finally {
                driver.quit();
            }
        }
    }

    private static void signIn(ChromeDriver driver, String base) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys("admin");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                .sendKeys(ConsoleCluster.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/integrations"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#integrations-grid")));
    }

    /** 100,000 integrations (GridData, seed 42), sealed with the cluster's own key set, then VACUUM ANALYZE. */
    private static void fill(ConsoleCluster cluster) throws Exception {
        AeadConfig.register();
        SecretCipher cipher = new SecretCipher(TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(cluster.keysetFile()), InsecureSecretKeyAccess.get()));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(cluster.databaseUrl(), Postgres.USER,
                Postgres.PASSWORD);
        GridData.fill(dataSource, new GridData.Generator(42).generate(SIZE), cipher);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
    }

    record Request(String server, int tr, int ta, int status) {
    }

    static List<Request> parse(String log) {
        List<Request> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = LOG.matcher(line);
            if (m.find()) {
                out.add(new Request(m.group(1), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(7))));
            }
        }
        return out;
    }

    private static void write(List<Request> requests, List<Double> browser, long actions, Instant from, Instant to,
            long fillSeconds, double load0, double load1) throws Exception {
        Map<String, Integer> perServer = new TreeMap<>();
        requests.forEach(r -> perServer.merge(r.server(), 1, Integer::sum));
        List<Double> tr = requests.stream().map(r -> (double) r.tr()).sorted().toList();
        List<Double> ta = requests.stream().map(r -> (double) r.ta()).sorted().toList();
        List<Double> rtt = browser.stream().sorted().toList();
        long errors = requests.stream().filter(r -> r.status() >= 400).count();
        StringBuilder out = new StringBuilder();
        out.append("# Latency through the load balancer: ").append(LABEL).append("\n\n");
        out.append(String.format("Run %s to %s; %d sessions, %,d integrations on PostgreSQL (filled in %d s), two"
                        + " instances behind HAProxy; %d user actions, %d Vaadin requests (%s), %d with status >= 400;"
                        + " load average %.2f at the start, %.2f at the end; %d CPUs.%n%n", from, to, SESSIONS, SIZE,
                fillSeconds, actions, requests.size(), perServer, errors, load0, load1,
                Runtime.getRuntime().availableProcessors()));
        out.append("| Measure (ms) | n | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
        out.append(row("HAProxy Tr (until the instance answered)", tr));
        out.append(row("HAProxy Ta (whole request through HAProxy)", ta));
        out.append(row("browser round trip (Resource Timing)", rtt));
        Path file = Path.of("docs", "benchmarks", "capacity-results", "latency-" + LABEL + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private static String row(String name, List<Double> sorted) {
        if (sorted.isEmpty()) {
            return "| " + name + " | 0 | | | | |\n";
        }
        return String.format("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", name, sorted.size(), rank(sorted, 50),
                rank(sorted, 95), rank(sorted, 99), sorted.getLast());
    }

    /** Nearest rank. */
    private static double rank(List<Double> sorted, int percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
