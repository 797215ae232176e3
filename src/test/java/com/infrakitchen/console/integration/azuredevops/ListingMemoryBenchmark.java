package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heap held while the check reads hugeorg's repositories listing (5,000 entries, about 4 MB), streamed as the check
 * reads it, against reading the same body whole into a tree. The body is rendered once by the fake and then served
 * from one retained byte array by a minimal HTTP/1.1 server, so the baseline includes it and any growth is the
 * client's. Heap is sampled after a full GC every 250 entries (streamed) or once the tree is built (whole).
 * Skipped unless {@code -Dbenchmark=true}; results to target/benchmark/listing-memory.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true", disabledReason = "benchmark: -Dbenchmark=true")
class ListingMemoryBenchmark {

    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void measure() throws Exception {
        byte[] body;
        try (FakeAzureDevOps fake = new FakeAzureDevOps().start()) {
            OkHttpClient plain = new OkHttpClient();
            try (Response r = plain.newCall(new Request.Builder()
                    .url(fake.url("/" + FakeAzureDevOps.HUGEORG + "/_apis/git/repositories?api-version=7.1"))
                    .header("Authorization", okhttp3.Credentials.basic("", FakeTokens.PAT_FULL)).build()).execute()) {
                body = r.body().bytes();
            }
            plain.dispatcher().executorService().shutdown();
        }
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = Thread.ofVirtual().start(() -> serve(server, body));
            AzureDevOpsHttp http = new AzureDevOpsHttp(new AzureDevOpsProperties(
                    URI.create("http://127.0.0.1:" + server.getLocalPort()), true, null, Duration.ofSeconds(5),
                    Duration.ofSeconds(30), Duration.ofSeconds(60), 65536, AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES));
            HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/hugeorg/_apis/git/repositories");

            long baseline = usedAfterGc();
            AtomicLong peak = new AtomicLong();
            Repositories seen = new Repositories();
            AdoResponse streamed = http.executeListing(http.newGet(url, FakeTokens.PAT_FULL, null), entry -> {
                seen.add(entry);
                if (seen.count() % 250 == 0) {
                    peak.accumulateAndGet(usedAfterGc() - baseline, Math::max);
                }
            });
            assertThat(streamed.listing().entries()).isEqualTo(FakeAzureDevOps.HUGEORG_REPOSITORY_COUNT);
            long streamedPeak = peak.get();

            long wholeBaseline = usedAfterGc();
            String text = new String(body, StandardCharsets.UTF_8);
            var tree = JsonMapper.builder().build().readTree(text);
            long wholePeak = usedAfterGc() - wholeBaseline;
            assertThat(tree.path("value").size()).isEqualTo(FakeAzureDevOps.HUGEORG_REPOSITORY_COUNT);

            http.shutdown();
            serving.interrupt();
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "# listing memory, %s%n", Instant.now()));
            s.append(String.format(Locale.ROOT, "java %s, max heap %d MiB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20));
            s.append(String.format(Locale.ROOT, "listing: %d repositories in %d projects, %d bytes%n", seen.count(),
                    seen.projectCount(), body.length));
            s.append(String.format(Locale.ROOT, "streamed (the check): peak heap above baseline %.2f MiB, sampled"
                    + " after GC every 250 entries (%d samples)%n", streamedPeak / 1048576.0, seen.count() / 250));
            s.append(String.format(Locale.ROOT, "read whole into a tree: heap above baseline %.2f MiB (the string"
                    + " and the tree, as a larger body cap would cost)%n", wholePeak / 1048576.0));
            Path out = Path.of("target", "benchmark", "listing-memory.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, s.toString());
            System.out.print(s);
            assertThat(text).isNotEmpty();
        }
    }

    static long usedAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** One answer per connection: the retained body, chunk-free with Content-Length, then close. */
    static void serve(ServerSocket server, byte[] body) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                byte[] request = new byte[8192];
                socket.getInputStream().read(request);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8; api-version=7.1\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
