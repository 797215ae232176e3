package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.check.CheckResult;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of our check over the wire it needs (docs/benchmarks/check.md). The fake answers every request
 * after a fixed delay (20 ms by default). In the same run, interleaved round by round:
 * <ol>
 * <li>a bare OkHttp GET of the projects URL (default client, Basic auth, body read), against our projects step
 * (our client with its headers, guards, capped read, JSON parse and classification);</li>
 * <li>the whole check (all steps, the way Test Connection runs it), against the round trips it cannot avoid:
 * phase 1 (organization, projects, identity, repositories in parallel) then the write probe.</li>
 * </ol>
 * Since decision 0010 our client opens a fresh connection for every request (TCP, and with
 * {@code -Dbenchmark.tls=true} a TLS handshake), while the bare client keeps its pooled connection: the difference
 * between the two is the set-up cost of fresh connections.
 * Skipped unless {@code -Dbenchmark=true}. Options: {@code -Dbenchmark.runs=300}, {@code -Dbenchmark.warmup=50},
 * {@code -Dbenchmark.delayMs=20}, {@code -Dbenchmark.tls=false}, {@code -Dbenchmark.label=run}. Results go to
 * target/benchmark/check-LABEL.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "benchmark: -Dbenchmark=true")
class CheckBenchmark {

    static final int RUNS = Integer.getInteger("benchmark.runs", 300);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);
    static final int DELAY_MS = Integer.getInteger("benchmark.delayMs", 20);
    static final String LABEL = System.getProperty("benchmark.label", "run");
    static final boolean TLS = Boolean.getBoolean("benchmark.tls");
    /** Round trips that must follow one another in our check: phase 1 in parallel, then the write probe. */
    static final int SEQUENTIAL_ROUND_TRIPS = 2;
    /** All requests of the check, if each waited for the previous one. */
    static final int ALL_ROUND_TRIPS = 5;

    @Test
    void measure() throws Exception {
        FakeAzureDevOps unstarted = new FakeAzureDevOps();
        if (TLS) {
            unstarted.useSelfSignedTls().useHttp1Only();
        }
        try (FakeAzureDevOps fake = unstarted.start()) {
            fake.setDelay(Duration.ofMillis(DELAY_MS));
            // the bare client's pooled connection must survive a round (about 100 ms), as it would on a real server
            fake.setIdleTimeout(Duration.ofSeconds(30));
            Path ca = null;
            if (TLS) {
                ca = Files.createTempFile("fake-ca", ".pem");
                Files.writeString(ca, fake.certificatePem());
            }
            var props = new AzureDevOpsProperties(URI.create(fake.baseUrl()), true, ca, Duration.ofSeconds(5),
                    Duration.ofSeconds(10), Duration.ofSeconds(15), 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES);
            AzureDevOpsHttp http = new AzureDevOpsHttp(props);
            AzureDevOpsChecker checker = new AzureDevOpsChecker(http, Clock.systemUTC());
            OkHttpClient.Builder bareBuilder = new OkHttpClient.Builder();
            if (TLS) {
                var trust = fake.clientCertificates();
                bareBuilder.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
            }
            OkHttpClient bare = bareBuilder.build();
            HttpUrl projects = new AzureDevOpsUrls(http.baseUrl()).projects("contoso");
            String auth = Credentials.basic("", FakeTokens.PAT_FULL);

            List<Long> bareNs = new ArrayList<>();
            List<Long> stepNs = new ArrayList<>();
            List<Long> checkNs = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                boolean timed = i >= WARMUP;
                // alternate which goes first, so neither always meets a warmer connection pool
                if (i % 2 == 0) {
                    record(timed, bareNs, bareGet(bare, projects, auth));
                    record(timed, stepNs, projectsStep(http, projects));
                } else {
                    record(timed, stepNs, projectsStep(http, projects));
                    record(timed, bareNs, bareGet(bare, projects, auth));
                }
                long start = System.nanoTime();
                CheckResult r = checker.check(new CheckInput("contoso", Secret.of(FakeTokens.PAT_FULL), null, "fp"),
                        new Cancellation());
                record(timed, checkNs, System.nanoTime() - start);
                assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
            }
            http.shutdown();
            bare.dispatcher().executorService().shutdown();
            bare.connectionPool().evictAll();
            fake.takeRequests();
            write(bareNs, stepNs, checkNs);
        }
    }

    static long bareGet(OkHttpClient client, HttpUrl url, String auth) throws IOException {
        long start = System.nanoTime();
        try (Response r = client.newCall(new Request.Builder().url(url).header("Authorization", auth).build())
                .execute()) {
            r.body().string();
            if (r.code() != 200) {
                throw new IllegalStateException("bare GET answered " + r.code());
            }
        }
        return System.nanoTime() - start;
    }

    static long projectsStep(AzureDevOpsHttp http, HttpUrl url) throws IOException {
        long start = System.nanoTime();
        AdoResponse r = http.execute(http.newGet(url, FakeTokens.PAT_FULL, null));
        if (!ResponseClassifier.classify(Probe.PROJECTS, r).passed()) {
            throw new IllegalStateException("projects step failed: " + r.status());
        }
        return System.nanoTime() - start;
    }

    static void record(boolean timed, List<Long> into, long ns) {
        if (timed) {
            into.add(ns);
        }
    }

    static double pct(List<Long> ns, double p) {
        long[] sorted = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    static void write(List<Long> bare, List<Long> step, List<Long> check) throws IOException {
        double bare50 = pct(bare, 50);
        double bare95 = pct(bare, 95);
        double step50 = pct(step, 50);
        double step95 = pct(step, 95);
        double check50 = pct(check, 50);
        double check95 = pct(check, 95);
        double budget = SEQUENTIAL_ROUND_TRIPS * DELAY_MS + 15;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# check benchmark, %s, %s%n", LABEL, Instant.now()));
        s.append(String.format(Locale.ROOT, "java %s, %d cpus, load %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        s.append(String.format(Locale.ROOT, "fake delay %d ms, %s, %d warm-up rounds, %d timed rounds%n", DELAY_MS,
                TLS ? "HTTPS (HTTP/1.1, TLS)" : "plain HTTP/1.1", WARMUP, RUNS));
        s.append("bare client reuses its pooled connection; ours opens a fresh one per request (decision 0010)")
                .append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "bare OkHttp GET projects   p50 %7.2f ms  p95 %7.2f ms%n", bare50, bare95));
        s.append(String.format(Locale.ROOT, "our projects step          p50 %7.2f ms  p95 %7.2f ms%n", step50, step95));
        s.append(String.format(Locale.ROOT, "ratio step/bare            p50 %7.3f     p95 %7.3f     (target <= 1.10)%n",
                step50 / bare50, step95 / bare95));
        s.append(String.format(Locale.ROOT, "fresh-connection set-up    p50 %7.2f ms  p95 %7.2f ms  (step - bare)%n",
                step50 - bare50, step95 - bare95));
        s.append(String.format(Locale.ROOT, "whole check                p50 %7.2f ms  p95 %7.2f ms%n", check50, check95));
        s.append(String.format(Locale.ROOT, "budget %d sequential round trips x %d ms + 15 ms = %.0f ms; all %d requests"
                + " one after another would be %d ms + 15 ms%n", SEQUENTIAL_ROUND_TRIPS, DELAY_MS, budget,
                ALL_ROUND_TRIPS, ALL_ROUND_TRIPS * DELAY_MS));
        s.append(String.format(Locale.ROOT, "ratio check/budget         p50 %7.3f     p95 %7.3f     (target <= 1.00)%n",
                check50 / budget, check95 / budget));
        s.append("raw ms (bare, step, check) p99/max: ").append(String.format(Locale.ROOT, "%.2f/%.2f, %.2f/%.2f, %.2f/%.2f",
                pct(bare, 99), pct(bare, 100), pct(step, 99), pct(step, 100), pct(check, 99), pct(check, 100)))
                .append(System.lineSeparator());
        Path out = Path.of("target", "benchmark", "check-" + LABEL + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, s.toString());
        System.out.print(s);
    }

    static String loadAverage() {
        try {
            return Arrays.toString(Files.readString(Path.of("/proc/loadavg")).split(" ", 4)).replaceAll(", [^,]*$", "]");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
