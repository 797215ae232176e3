package com.infrakitchen.console.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.GridData;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import com.infrakitchen.console.base.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Figures, not assertions: the server heap one signed-in browser tab on the integrations grid holds (issue 14's
 * "Memory" target: at most 250 KB a tab). The console runs in this JVM on a real port with its own H2 file
 * database of {@code benchmark.integrations} generated integrations (GridData); one headless Chromium signs in and
 * opens {@code /integrations} in {@code benchmark.tabs} tabs, each waited for until its grid shows its rows. Used
 * heap after full GCs before the tabs, after the first, at half of them and after all of them, divided by the tabs;
 * the live UIs, their state nodes and the last response each keeps counted; the classes that grew most (class
 * histograms before and after). Skipped unless
 * {@code -Dbenchmark=true} (needs Debian chromium and chromium-driver). Each run writes
 * {@code docs/benchmarks/capacity-results/memory-<label>.md}; the method and the figures are in
 * docs/benchmarks/capacity.md.
 *
 * <p>Options: {@code -Dbenchmark.tabs=20}, {@code -Dbenchmark.integrations=1000}, {@code -Dbenchmark.role=EDITOR}
 * (the grid with its row actions; VIEWER without), {@code -Dbenchmark.label=run}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true",
        disabledReason = "Tab memory benchmark skipped: run with -Dbenchmark=true; see docs/benchmarks/capacity.md")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TabMemoryBenchmark {

    private static final int TABS = Integer.getInteger("benchmark.tabs", 20);
    private static final int INTEGRATIONS = Integer.getInteger("benchmark.integrations", 1000);
    private static final String ROLE = System.getProperty("benchmark.role", "EDITOR").toUpperCase(Locale.ROOT);
    private static final String LABEL = System.getProperty("benchmark.label", "run");
    /**
     * Development mode's component tracker keeps a Throwable (with its stack) per component created or attached,
     * about 6.5 MiB a tab of this grid; production mode has none, so it is off unless asked for.
     */
    private static final boolean TRACKER = Boolean.getBoolean("benchmark.componentTracker");
    /** {@code grid}: {@code /integrations}; {@code blank}: an empty page in the main layout, the floor of a tab. */
    private static final String PAGE = System.getProperty("benchmark.page", "grid");
    private static final String BLANK = "benchmark-blank";
    /** Also dumps the live heap before and after the tabs to target/benchmark (for a heap analyser). */
    private static final boolean DUMP = Boolean.getBoolean("benchmark.heapdump");
    private static final String USER = "tab.bench";
    /** A test value of a throw-away database, not a credential. */
    private static final String PASSWORD = "bench-password-" + USER;
    private static final Path DATA = Path.of("target", "bench-tabs", "run-" + System.currentTimeMillis());
    private static final Path OUT = Path.of("docs", "benchmarks", "capacity-results");
    /** Rows a 1366 x 860 window shows at least; a tab counts as open once its grid has them. */
    private static final int VISIBLE_ROWS = 10;

    /** Every UI the console creates, held weakly: after a full GC, those some session still holds. */
    static final Set<UI> UIS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + DATA.toString().replace('\\', '/')
                + "/console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        registry.add("app.data-dir", () -> "./" + DATA.toString().replace('\\', '/'));
        registry.add("vaadin.devmode.componentTracker.enabled", () -> Boolean.toString(TRACKER));
    }

    /** Registers each new UI in {@link #UIS}, and the {@link Blank} page (for this context only). */
    @TestConfiguration
    static class UiRegistry {
        @Bean
        VaadinServiceInitListener registerUis() {
            return event -> {
                event.getSource().addUIInitListener(e -> UIS.add(e.getUI()));
                RouteConfiguration.forApplicationScope().setRoute(BLANK, Blank.class, MainLayout.class);
            };
        }
    }

    /** Nothing but the main layout around it: what any signed-in tab costs. */
    @PermitAll
    public static class Blank extends Div {
        public Blank() {
            setId(BLANK);
        }
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    SecretCipher cipher;
    @Autowired
    UserService users;
    @LocalServerPort
    int port;

    @Test
    void memoryPerTab() throws Exception {
        GridData.fill(dataSource, new GridData.Generator(42).generate(INTEGRATIONS), cipher);
        As.user("bench-setup", "ADMIN", () -> {
            if (!users.usernameTaken(USER)) {
                users.create(new NewUser(USER, ROLE, PASSWORD));
            }
        });

        // warm-up: classes loaded, caches and the database's pages filled by one tab, whose session then ends
        ChromeDriver warmUp = Browser.launch();
        try {
            signIn(warmUp);
            awaitRows(warmUp);
            warmUp.findElement(By.id("sign-out")).click();
            wait(warmUp).until(ExpectedConditions.urlContains("/login"));
        } finally {
            warmUp.quit();
        }
        // the histogram first: the map it is read into stays alive, so every reading of the heap holds it alike
        Map<String, long[]> histogramBefore = histogram();
        long baseline1 = usedHeapAfterGc();
        Thread.sleep(3000);
        long baseline = usedHeapAfterGc();
        dump("before");
        int uisBefore = liveUis().size();

        ChromeDriver driver = Browser.launch();
        try {
            long started = System.nanoTime();
            signIn(driver);
            if (PAGE.equals("blank")) {
                driver.get(base() + path());
            }
            awaitRows(driver);
            long one = usedHeapAfterGc();
            long half = 0;
            for (int tab = 2; tab <= TABS; tab++) {
                driver.switchTo().newWindow(WindowType.TAB);
                driver.get(base() + path());
                awaitRows(driver);
                if (tab == TABS / 2) {
                    half = usedHeapAfterGc();
                }
            }
            double openSeconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(3000);
            long after = usedHeapAfterGc();
            Map<String, long[]> histogramAfter = histogram();
            dump("after");
            List<UI> live = liveUis();
            assertThat(live).as("one live UI per tab").hasSize(uisBefore + TABS);
            List<Integer> nodes = new ArrayList<>();
            List<Integer> responses = new ArrayList<>();
            Map<String, Integer> byComponent = new HashMap<>();
            UI sample = live.stream().filter(ui -> ui.getInternals().getActiveViewLocation().getPath()
                    .equals(path().substring(1))).findFirst().orElseThrow();
            sample.accessSynchronously(() -> sample.getInternals().getStateTree().getRootNode().visitNodeTree(
                    n -> byComponent.merge(owner(n), 1, Integer::sum)));
            for (UI ui : live) {
                int[] count = {0};
                ui.accessSynchronously(() -> {
                    ui.getInternals().getStateTree().getRootNode().visitNodeTree(n -> count[0]++);
                    String last = ui.getInternals().getLastRequestResponse();
                    responses.add(last == null ? 0 : last.length());
                });
                nodes.add(count[0]);
            }
            Collections.sort(nodes);
            Collections.sort(responses);
            write(new long[] {baseline1, baseline, one, half, after}, openSeconds, nodes, responses, byComponent,
                    histogramBefore, histogramAfter);
        } finally {
            driver.quit();
        }
    }

    private void signIn(ChromeDriver driver) {
        driver.get(base() + "/login");
        var name = wait(driver).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-login-form input[name='username']")));
        name.sendKeys(USER);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait(driver).until(ExpectedConditions.urlContains("/integrations"));
    }

    private static String path() {
        return PAGE.equals("blank") ? "/" + BLANK : "/integrations";
    }

    /** Until the grid has loaded and shows at least {@link #VISIBLE_ROWS} named rows (the blank page: is shown). */
    private static void awaitRows(ChromeDriver driver) {
        if (PAGE.equals("blank") && driver.getCurrentUrl().contains(BLANK)) {
            wait(driver).until(d -> Boolean.TRUE.equals(driver.executeScript("return !!document.getElementById("
                    + "arguments[0]) && !!document.getElementById('sign-out')", BLANK)));
            return;
        }
        wait(driver).until(d -> Boolean.TRUE.equals(driver.executeScript("""
                const grid = document.querySelector('#integrations-grid');
                if (!grid || grid.hasAttribute('loading')) return false;
                const names = Array.from(grid.querySelectorAll('a.integration-link'))
                    .filter(a => a.textContent.trim() !== '');
                return names.length >= arguments[0];
                """, VISIBLE_ROWS)));
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The simple name of the component a state node belongs to: its own, or its nearest ancestor's. */
    private static String owner(StateNode node) {
        try {
            for (Element e = Element.get(node); e != null; e = e.getParent()) {
                if (e.getComponent().isPresent()) {
                    return e.getComponent().get().getClass().getSimpleName();
                }
            }
            return "(no component)";
        } catch (RuntimeException notAnElement) {
            return "(not an element)";
        }
    }

    private static List<UI> liveUis() {
        synchronized (UIS) {
            return UIS.stream().filter(ui -> !ui.isClosing() && ui.getSession() != null).toList();
        }
    }

    /** Used heap after full GCs (the lowest of four readings, each right after a GC). */
    static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(250);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** The live objects by class (GC.class_histogram, itself after a full GC): instances and bytes. */
    static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> out = new HashMap<>();
        text.lines().forEach(line -> {
            Matcher m = HISTOGRAM_ROW.matcher(line);
            if (m.find()) {
                out.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        });
        return out;
    }

    private static void dump(String when) throws IOException {
        if (DUMP) {
            Path file = Path.of("target", "benchmark", "memory-" + LABEL + "-" + when + ".hprof");
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(file.toString(), true);
        }
    }

    /** The {@code limit} classes (those {@code kind} accepts) whose live bytes grew most, as table rows per tab. */
    private static List<String> grown(Map<String, long[]> before, Map<String, long[]> after,
            java.util.function.Predicate<String> kind, int limit) {
        return after.entrySet().stream().filter(e -> kind.test(e.getKey())).map(e -> {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
        }).filter(e -> e.getValue()[1] > 0).sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(limit).map(e -> String.format(Locale.ROOT, "| `%s` | %.1f | %.1f |", e.getKey(),
                        e.getValue()[0] / (double) TABS, e.getValue()[1] / 1024.0 / TABS))
                .toList();
    }

    /** {@code heap}: before the tabs twice (3 s apart), after the first tab, after half of them, after all. */
    private void write(long[] heap, double openSeconds, List<Integer> nodes, List<Integer> responses,
            Map<String, Integer> byComponent, Map<String, long[]> histogramBefore, Map<String, long[]> histogramAfter) throws IOException {
        long baseline1 = heap[0];
        long baseline = heap[1];
        long one = heap[2];
        long half = heap[3];
        long after = heap[4];
        int halfTabs = TABS / 2;
        List<String> lines = new ArrayList<>();
        lines.add("# Tab memory benchmark, " + LABEL + " (" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
        lines.add("");
        lines.add("JDK " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, load "
                + loadAverage() + "; Vaadin in development mode (the test JVM, dev bundle, as the browser tests), its"
                + " component tracker " + (TRACKER ? "on" : "off (as in production mode)") + "; server push on (a"
                + " WebSocket per tab); H2 file database.");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%d integrations (GridData, seed 42); %d tabs of one headless Chromium"
                + " signed in as %s, each on `%s` (1366 x 860, page 1 by name), opened one after the"
                + " other in %.1f s; each counted once it showed its page (the grid: %d named rows).", INTEGRATIONS, TABS,
                ROLE.toLowerCase(Locale.ROOT), path(), openSeconds, VISIBLE_ROWS));
        lines.add("");
        lines.add("| | used heap after full GC |");
        lines.add("|---|---|");
        lines.add(String.format(Locale.ROOT, "| before the tabs (3 s earlier) | %.2f MiB (%.2f MiB) |",
                mib(baseline), mib(baseline1)));
        lines.add(String.format(Locale.ROOT, "| after 1 tab | %.2f MiB |", mib(one)));
        lines.add(String.format(Locale.ROOT, "| after %d tabs | %.2f MiB |", halfTabs, mib(half)));
        lines.add(String.format(Locale.ROOT, "| after %d tabs | %.2f MiB |", TABS, mib(after)));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "**Per tab: %.0f KiB** ((after - before) / %d). Tabs 2 to %d: %.0f KiB"
                + " each (the first tab's session and first use left out); tabs %d to %d: %.0f KiB each. Noise"
                + " between the two readings before: %.0f KiB.", kib(after - baseline) / TABS, TABS, TABS,
                kib(after - one) / (TABS - 1), halfTabs + 1, TABS, kib(after - half) / (TABS - halfTabs),
                Math.abs(kib(baseline - baseline1))));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Live UIs: %d; state nodes per UI: min %d, median %d, max %d; the last"
                + " response each UI keeps to resend (UIInternals.getLastRequestResponse): median %d, max %d"
                + " characters.", nodes.size(), nodes.getFirst(), nodes.get(nodes.size() / 2), nodes.getLast(),
                responses.get(responses.size() / 2), responses.getLast()));
        lines.add("");
        lines.add("The state nodes of one tab by the component they belong to (its own or its nearest ancestor's): "
                + byComponent.entrySet().stream().sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
                        .limit(15).map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")) + ".");
        lines.add("");
        lines.add("Classes whose live objects grew most (class histograms before and after, per tab; the second"
                + " histogram is read while the map of the first, about 10,000 entries of String, HashMap$Node and"
                + " long[], is alive):");
        lines.add("");
        lines.add("| class | instances per tab | KiB per tab |");
        lines.add("|---|---|---|");
        lines.addAll(grown(histogramBefore, histogramAfter, c -> true, 20));
        lines.add("");
        lines.add("The console's own classes and the grid's among them:");
        lines.add("");
        lines.add("| class | instances per tab | KiB per tab |");
        lines.add("|---|---|---|");
        lines.addAll(grown(histogramBefore, histogramAfter, c -> c.startsWith("com.infrakitchen.")
                || c.startsWith("com.vaadin.flow.data.") || c.startsWith("com.vaadin.flow.component.grid."), 12));
        Files.createDirectories(OUT);
        Path every = Path.of("target", "benchmark", "memory-" + LABEL + "-histogram.txt");
        Files.createDirectories(every.getParent());
        Files.write(every, grown(histogramBefore, histogramAfter, c -> true, Integer.MAX_VALUE));
        lines.add("");
        lines.add("Every class that grew: " + every + " (not kept).");
        Path file = OUT.resolve("memory-" + LABEL + ".md");
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
        System.out.println("Written to " + file.toAbsolutePath());
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
