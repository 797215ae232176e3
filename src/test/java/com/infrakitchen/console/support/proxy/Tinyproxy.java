package com.infrakitchen.console.support.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Tinyproxy ({@code apt-get install tinyproxy}) as a child process, for the real-proxy tests (decision 0018):
 * its own generated configuration under {@code dir}, 127.0.0.1 on a free port, CONNECT allowed only to the given
 * ports ({@code ConnectPort}: any other is answered 403), HTTP Basic when a user is given. Tinyproxy answers a
 * CONNECT without credentials with 407 and one with wrong credentials with 401.
 */
public final class Tinyproxy implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/tinyproxy");
    public static final String NOT_INSTALLED = "tinyproxy not installed: apt-get install tinyproxy";

    private final Process process;
    private final int port;
    private final Path log;

    private Tinyproxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Deletes {@code dir} and everything in it (the tests' configurations and logs). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for mvn clean
        }
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Tinyproxy; {@code user} null: no credentials asked for. Waits until it accepts connections. */
    public static Tinyproxy start(Path dir, String name, String user, String password, int... connectPorts) {
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Path log = dir.resolve(name + ".log");
            List<String> lines = new ArrayList<>(List.of("Port " + port, "Listen 127.0.0.1", "Timeout 10",
                    "MaxClients 50", "LogLevel Info", "LogFile \"" + log + "\"", "Allow 127.0.0.1",
                    "DisableViaHeader Yes"));
            for (int p : connectPorts) {
                lines.add("ConnectPort " + p);
            }
            if (user != null) {
                lines.add("BasicAuth " + user + " " + password);
            }
            Path config = Files.writeString(dir.resolve(name + ".conf"), String.join("\n", lines) + "\n",
                    StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
            Tinyproxy proxy = new Tinyproxy(process, port, log);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("tinyproxy exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("tinyproxy did not listen within 10 s:\n" + log());
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port}, as {@code app.outbound.proxy} takes it. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Tinyproxy's own log (requests, CONNECT targets, refusals), for assertion messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log yet)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
