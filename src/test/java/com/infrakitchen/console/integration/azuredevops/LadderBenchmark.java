package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The ladder's own cost (docs/benchmarks/check.md, "Round 3"): the whole token check with the OkHttp
 * {@code EventListener} that records each connection's DNS, TCP and TLS set-up and the network steps built from it,
 * against the same check without them ({@code AzureDevOpsChecker(http, clock, false)}), in the same run, interleaved
 * round by round and alternating which goes first. Both run on fresh connections (decision 0010) over TLS to the fake
 * (MockWebServer with a {@code HeldCertificate}, HTTP/1.1 only, so every request pays its own handshake) answering
 * after a fixed delay. Target: with / without at most 1.05. Figures and method are written to
 * target/benchmark/ladder-LABEL.txt; nothing is asserted about time.
 *
 * <p>Skipped unless {@code -Dbenchmark=true}. Options: {@code -Dbenchmark.runs=300}, {@code -Dbenchmark.warmup=50},
 * {@code -Dbenchmark.delayMs=20}, {@code -Dbenchmark.label=run}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "benchmark: -Dbenchmark=true")
class LadderBenchmark {

    static final int RUNS = Integer.getInteger("benchmark.runs", 300);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);
    static final int DELAY_MS = Integer.getInteger("benchmark.delayMs", 20);
    static final String LABEL = System.getProperty("benchmark.label", "run");

    @Test
    void measure() throws Exception {
        try (FakeAzureDevOps fake = new FakeAzureDevOps().useSelfSignedTls().useHttp1Only().start()) {
            fake.setDelay(Duration.ofMillis(DELAY_MS));
            Path ca = Files.createTempFile("fake-ca", ".pem");
            Files.writeString(ca, fake.certificatePem());
            var props = new AzureDevOpsProperties(URI.create(fake.baseUrl()), true, ca, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(15), 65536,
                    AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
            AzureDevOpsHttp http = new AzureDevOpsHttp(props);
            AzureDevOpsChecker with = new AzureDevOpsChecker(http, Clock.systemUTC(), true);
            AzureDevOpsChecker without = new AzureDevOpsChecker(http, Clock.systemUTC(), false);

            List<Long> withNs = new ArrayList<>();
            List<Long> withoutNs = new ArrayList<>();
            int connectionsBefore = fake.connectionCount();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                boolean timed = i >= WARMUP;
                if (i % 2 == 0) {
                    CheckBenchmark.record(timed, withNs, run(with, true));
                    CheckBenchmark.record(timed, withoutNs, run(without, false));
                } else {
                    CheckBenchmark.record(timed, withoutNs, run(without, false));
                    CheckBenchmark.record(timed, withNs, run(with, true));
                }
            }
            int connections = fake.connectionCount() - connectionsBefore;
            http.shutdown();
            fake.takeRequests();
            Files.deleteIfExists(ca);
            write(withNs, withoutNs, connections, 2 * (WARMUP + RUNS));
        }
    }

    /** One whole check; with the ladder it must show the network steps, without it none. */
    static long run(AzureDevOpsChecker checker, boolean ladder) {
        long start = System.nanoTime();
        CheckResult r = checker.check(new CheckInput("contoso", Secret.of(FakeTokens.PAT_FULL), null, "fp"),
                new Cancellation());
        long ns = System.nanoTime() - start;
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        boolean tls = r.steps().stream().anyMatch(s -> s.name().equals(AzureDevOpsChecker.STEP_TLS)
                && s.status() == StepStatus.PASSED);
        assertThat(tls).isEqualTo(ladder);
        return ns;
    }

    static double mean(List<Long> ns) {
        return ns.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    static void write(List<Long> with, List<Long> without, int connections, int checks) throws IOException {
        double with50 = CheckBenchmark.pct(with, 50);
        double with95 = CheckBenchmark.pct(with, 95);
        double without50 = CheckBenchmark.pct(without, 50);
        double without95 = CheckBenchmark.pct(without, 95);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# ladder benchmark, %s, %s%n", LABEL, Instant.now()));
        s.append(String.format(Locale.ROOT, "java %s, %d cpus, load %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), CheckBenchmark.loadAverage()));
        s.append(String.format(Locale.ROOT, "fake delay %d ms, HTTPS (HTTP/1.1, TLS, HeldCertificate), %d warm-up rounds,"
                + " %d timed rounds; each round one check with the ladder and one without, alternating which goes"
                + " first%n", DELAY_MS, WARMUP, RUNS));
        s.append(String.format(Locale.ROOT, "fresh connections: %d TCP connections for %d checks (%.1f per check)%n",
                connections, checks, connections / (double) checks));
        s.append(String.format(Locale.ROOT, "check with ladder (EventListener)  p50 %7.2f ms  p95 %7.2f ms  mean %7.2f ms%n",
                with50, with95, mean(with)));
        s.append(String.format(Locale.ROOT, "check without it                  p50 %7.2f ms  p95 %7.2f ms  mean %7.2f ms%n",
                without50, without95, mean(without)));
        s.append(String.format(Locale.ROOT, "ratio with/without                p50 %7.3f     p95 %7.3f     mean %7.3f"
                + "     (target <= 1.05)%n", with50 / without50, with95 / without95, mean(with) / mean(without)));
        s.append(String.format(Locale.ROOT, "difference                        p50 %+7.2f ms  p95 %+7.2f ms%n",
                with50 - without50, with95 - without95));
        s.append("raw ms (with, without) p99/max: ").append(String.format(Locale.ROOT, "%.2f/%.2f, %.2f/%.2f",
                CheckBenchmark.pct(with, 99), CheckBenchmark.pct(with, 100), CheckBenchmark.pct(without, 99),
                CheckBenchmark.pct(without, 100))).append(System.lineSeparator());
        Path out = Path.of("target", "benchmark", "ladder-" + LABEL + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s.toString());
        System.out.print(s);
    }
}
