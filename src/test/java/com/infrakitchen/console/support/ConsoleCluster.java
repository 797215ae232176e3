package com.infrakitchen.console.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * What {@code deploy/cluster.sh} sets up, for a test: console instances as separate JVMs from the built jar
 * (profile {@code postgres}, one new PostgreSQL database, one key set made with the jar's {@code --keyset.create}),
 * a fake Azure DevOps in this JVM, and Debian's HAProxy in front with the shipped {@code
 * deploy/haproxy.cfg.template}. Logs go to {@code target/cluster-e2e}.
 */
public final class ConsoleCluster implements AutoCloseable {

    public static final Path HAPROXY = Path.of(System.getProperty("e2e.haproxy", "/usr/sbin/haproxy"));
    public static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final Path DIR = Path.of("target", "cluster-e2e").toAbsolutePath();
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    /** One instance: its number (1, 2, ...; its HAProxy server and cookie value are "s" + number) and port. */
    public record Instance(int number, int port, Process process, Path log) {

        public String cookie() {
            return "s" + number;
        }
    }

    private final Path jar;
    private final String databaseUrl;
    private final FakeAzureDevOps fake;
    private final List<String> settings;
    private final List<Instance> instances = new ArrayList<>();
    private final int balancerPort;
    private Process haproxy;

    private ConsoleCluster(Path jar, String databaseUrl, FakeAzureDevOps fake, List<String> settings)
            throws IOException {
        this.jar = jar;
        this.databaseUrl = databaseUrl;
        this.fake = fake;
        this.settings = settings;
        this.balancerPort = freePort();
    }

    /**
     * Starts {@code count} instances with the extra {@code settings} ({@code --name=value}), waits until each is
     * ready, then HAProxy. Needs the jar ({@code ./mvnw package}: this runs in failsafe's integration-test phase),
     * HAProxy and PostgreSQL; without HAProxy the test is skipped with the reason (which CI counts as a failure).
     */
    public static ConsoleCluster start(int count, List<String> settings) throws Exception {
        assumeTrue(Files.isExecutable(HAPROXY), "Cluster tests need HAProxy at " + HAPROXY
                + " (apt-get install haproxy; .ci/run installs it)");
        Postgres.assumeEnabled();
        Path jar = builtJar();
        FileSystemUtils.deleteRecursively(DIR);
        Files.createDirectories(DIR);
        FakeAzureDevOps fake = new FakeAzureDevOps().start();
        ConsoleCluster cluster = new ConsoleCluster(jar, Postgres.createDatabase(), fake, List.copyOf(settings));
        try {
            cluster.createKeyset();
            for (int n = 1; n <= count; n++) {
                cluster.instances.add(cluster.launch(n, freePort()));
            }
            for (Instance i : cluster.instances) {
                cluster.awaitReady(i);
            }
            cluster.startHaproxy();
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** The repackaged jar {@code ./mvnw package} built. */
    public static Path builtJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("integrations-console-.*\\.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("No target/integrations-console-*.jar: ClusterE2E runs"
                            + " from the built jar, in the integration-test phase (./mvnw verify -De2e=true"
                            + " -Dpostgres=true)"));
        }
    }

    public FakeAzureDevOps fake() {
        return fake;
    }

    /** The key set every instance shares ({@code --keyset.create} made it). */
    public Path keysetFile() {
        return DIR.resolve("keyset.json");
    }

    /** HAProxy's log: one line per request (option httplog), with its timers. */
    public Path balancerLog() {
        return DIR.resolve("haproxy.log");
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    /** {@code http://localhost:PORT} of HAProxy (what a browser opens). */
    public int balancerPort() {
        return balancerPort;
    }

    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public Instance instance(String cookie) {
        return instances.stream().filter(i -> i.cookie().equals(cookie)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + cookie));
    }

    /** {@code kill -9}: the JVM ends at once, with its sessions and whatever it was doing. */
    public void kill(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        instance.process().waitFor(30, TimeUnit.SECONDS);
    }

    private void createKeyset() throws Exception {
        Path keyset = DIR.resolve("keyset.json");
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--keyset.create=" + keyset)
                .redirectErrorStream(true).redirectOutput(DIR.resolve("keyset-create.log").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(keyset)) {
            throw new IllegalStateException("--keyset.create failed: "
                    + Files.readString(DIR.resolve("keyset-create.log")));
        }
    }

    private Instance launch(int number, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--app.azure-devops.base-url=" + fake.baseUrl(),
                "--app.azure-devops.allow-private-addresses=true"));
        command.addAll(settings);
        Path log = DIR.resolve("instance-" + number + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
        builder.environment().put("DB_URL", databaseUrl);
        builder.environment().put("DB_USER", Postgres.USER);
        builder.environment().put("DB_PASSWORD", Postgres.PASSWORD);
        builder.environment().put("APP_KEYSET_FILE", DIR.resolve("keyset.json").toString());
        builder.environment().put("APP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        return new Instance(number, port, builder.start(), log);
    }

    private void awaitReady(Instance i) throws Exception {
        long until = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < until) {
            if (!i.process().isAlive()) {
                throw new IllegalStateException("Instance " + i.number() + " stopped while starting:\n" + tail(i.log()));
            }
            if (status("http://127.0.0.1:" + i.port() + "/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Instance " + i.number() + " not ready within " + READY_WITHIN + ":\n"
                + tail(i.log()));
    }

    /** deploy/haproxy.cfg.template with this cluster's address, runtime socket and servers, as cluster.sh fills it. */
    private void startHaproxy() throws Exception {
        StringBuilder servers = new StringBuilder();
        for (Instance i : instances) {
            servers.append("    server ").append(i.cookie()).append(" 127.0.0.1:").append(i.port())
                    .append(" check cookie ").append(i.cookie()).append('\n');
        }
        String config = Files.readString(Path.of("deploy", "haproxy.cfg.template"))
                .replace("@BIND@", "127.0.0.1:" + balancerPort)
                .replace("@SOCKET@", DIR.resolve("haproxy.sock").toString())
                .replace("@SERVERS@\n", servers.toString());
        Path file = DIR.resolve("haproxy.cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("haproxy.log").toFile()).start();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped: " + Files.readString(DIR.resolve("haproxy.log")));
            }
            if (status("http://127.0.0.1:" + balancerPort + "/actuator/health/readiness") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("HAProxy did not answer: " + Files.readString(DIR.resolve("haproxy.log")));
    }

    /** The status of a GET, 0 when nothing answers. */
    public static int status(String url) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (Instance i : instances) {
            i.process().destroy();
        }
        for (Instance i : instances) {
            try {
                if (!i.process().waitFor(20, TimeUnit.SECONDS)) {
                    i.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                i.process().destroyForcibly();
            }
        }
        fake.close();
        Postgres.dropDatabase(databaseUrl);
    }
}
