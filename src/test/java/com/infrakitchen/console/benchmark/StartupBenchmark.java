package com.infrakitchen.console.benchmark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.infrakitchen.console.support.ConsoleCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Figures, not assertions (issue 14, "Start-up"): how long the production jar takes from {@code java} to readiness
 * UP, as shipped and with what the JDK offers to start faster, in the same run, alternating so that the machine's
 * load weighs on each alike. Skipped unless {@code -Dbenchmark=true}; needs the jar ({@code ./mvnw -B -q package
 * -DskipTests} first). Writes {@code docs/benchmarks/capacity-results/startup-<label>.md}; the method and the
 * conclusions are in docs/benchmarks/capacity.md.
 *
 * <p>Each variant starts the console on the embedded H2 of one data directory, migrated by a first start that is not
 * timed (a restart, as an operator's is). Timed: from just before the process starts to the first 200 of
 * {@code /actuator/health/readiness} (polled every 20 ms), and Spring Boot's own "Started Application in" figure.
 * Options: {@code -Dbenchmark.runs=5}, {@code -Dbenchmark.label=run}, {@code -Dbenchmark.before-jar=PATH} (a jar of
 * an earlier build, started as shipped, for before and after in one run).
 */
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    private static final String LABEL = System.getProperty("benchmark.label", "run");
    private static final Path DIR = Path.of("target", "bench-startup").toAbsolutePath();
    private static final Pattern STARTED = Pattern.compile("Started Application in ([0-9.]+) seconds");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A way of starting the console: its name and the JVM options and jar it runs. */
    record Variant(String name, List<String> jvm, Path jar) {
    }

    record Start(double readySeconds, double springSeconds) {
    }

    @Test
    void startUp() throws Exception {
        assumeTrue(Boolean.getBoolean("benchmark"), "Start-up benchmark skipped: run with -Dbenchmark=true after"
                + " ./mvnw package; see docs/benchmarks/capacity.md");
        Path jar = ConsoleCluster.builtJar();
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(DIR);
        Path data = DIR.resolve("data");

        // The layout Spring Boot recommends for speed: the application's classes and its libraries as plain jars.
        Path extracted = DIR.resolve("extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), DIR.resolve("extract.log"), Duration.ofMinutes(2));
        Path extractedJar = extracted.resolve(jar.getFileName());
        // The JDK's ahead-of-time cache (JEP 483/514), trained by one start that stops after the context refreshed.
        Path aot = DIR.resolve("console.aot");
        List<String> training = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + aot,
                "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString()));
        training.addAll(settings(data, freePort()));
        run(training, DIR.resolve("aot-training.log"), Duration.ofMinutes(3));

        List<Variant> variants = new ArrayList<>();
        String before = System.getProperty("benchmark.before-jar", "");
        if (!before.isBlank()) {
            variants.add(new Variant("java -jar, the jar before these changes (" + Path.of(before).getFileName() + ")",
                    List.of(), Path.of(before).toAbsolutePath()));
        }
        variants.addAll(List.of(
                new Variant("java -jar (as shipped)", List.of(), jar),
                new Variant("extracted jar", List.of(), extractedJar),
                new Variant("extracted jar + AOT cache (deploy/fast-start.sh)", List.of("-XX:AOTCache=" + aot),
                        extractedJar)));
        // a first start migrates the data directory and generates its key set: not timed
        start(variants.get(0), data, DIR.resolve("first.log"));

        Map<Variant, List<Start>> starts = new LinkedHashMap<>();
        variants.forEach(v -> starts.put(v, new ArrayList<>()));
        for (int round = 0; round < RUNS; round++) {
            for (Variant v : variants) {
                starts.get(v).add(start(v, data, DIR.resolve("start-" + round + "-" + starts.get(v).size() + ".log")));
            }
        }
        write(jar, starts, Files.exists(aot) ? Files.size(aot) : 0);
    }

    private Start start(Variant v, Path data, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xmx512m");
        command.addAll(v.jvm());
        command.add("-jar");
        command.add(v.jar().toString());
        command.addAll(settings(data, port));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (status("http://127.0.0.1:" + port + "/actuator/health/readiness") != 200) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(v.name() + " stopped: " + Files.readString(log));
                }
                if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(2)) {
                    throw new IllegalStateException(v.name() + " not ready in 2 minutes");
                }
                Thread.sleep(20);
            }
            double ready = (System.nanoTime() - t0) / 1e9;
            Matcher m = STARTED.matcher(Files.readString(log));
            return new Start(ready, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static List<String> settings(Path data, int port) {
        return List.of("--server.port=" + port, "--app.data-dir=" + data, "--app.admin-password=startup-bench-1",
                "--app.health.scheduled-checks=false");
    }

    private void write(Path jar, Map<Variant, List<Start>> starts, long aotBytes) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Start-up: ").append(LABEL).append("\n\n");
        out.append("Run ").append(Instant.now()).append(", ").append(jar.getFileName()).append(", JDK ")
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, load average before: ")
                .append(String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(RUNS).append(" starts per variant, alternating; AOT cache ")
                .append(aotBytes / (1024 * 1024)).append(" MB.\n\n");
        out.append("| Variant | ready p50 s | ready min / max s | \"Started Application in\" p50 s |\n");
        out.append("|---|---:|---:|---:|\n");
        for (var e : starts.entrySet()) {
            List<Double> ready = e.getValue().stream().map(Start::readySeconds).sorted().toList();
            List<Double> spring = e.getValue().stream().map(Start::springSeconds).sorted().toList();
            out.append(String.format("| %s | %.2f | %.2f / %.2f | %.2f |%n", e.getKey().name(), median(ready),
                    ready.getFirst(), ready.getLast(), median(spring)));
        }
        out.append("\nEach start, in order (ready s / Spring s):\n\n");
        for (var e : starts.entrySet()) {
            out.append("- ").append(e.getKey().name()).append(": ");
            out.append(String.join(", ", e.getValue().stream()
                    .map(s -> String.format("%.2f / %.2f", s.readySeconds(), s.springSeconds())).toList()));
            out.append('\n');
        }
        Path file = Path.of("docs", "benchmarks", "capacity-results", "startup-" + LABEL + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private static double median(List<Double> sorted) {
        return sorted.get((sorted.size() - 1) / 2);
    }

    private int status(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void run(List<String> command, Path log, Duration within) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(within.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
