package com.infrakitchen.console.support.fakeentra;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ServerSocketFactory;

/**
 * Accepted sockets as production front ends treat them, like the fake Azure DevOps' ({@code docs/azure-devops.md}
 * §12.5): {@code TCP_NODELAY}, and an idle keep-alive connection (the server waiting for the next request, no byte
 * for longer than the idle timeout) closed with a plain FIN. A slow answer is not idle. HTTP/1.1 only: the fake
 * Entra never offers HTTP/2.
 */
final class UnkindSockets extends ServerSocketFactory implements AutoCloseable {

    private final Supplier<Duration> idleTimeout;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger idleClosed = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-entra-idle-timer");
        t.setDaemon(true);
        return t;
    });

    UnkindSockets(Supplier<Duration> idleTimeout) {
        this.idleTimeout = idleTimeout;
        timer.scheduleWithFixedDelay(this::closeIdle, 50, 50, TimeUnit.MILLISECONDS);
    }

    int connections() {
        return connections.get();
    }

    int idleClosed() {
        return idleClosed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void closeIdle() {
        long now = System.nanoTime();
        long limit = idleTimeout.get().toNanos();
        for (Watched socket : watched) {
            long since = socket.readingSince;
            if (socket.isClosed()) {
                watched.remove(socket);
            } else if (since != 0 && now - since > limit) {
                try {
                    socket.close();
                    idleClosed.incrementAndGet();
                } catch (IOException e) {
                    // closing is all we wanted
                }
                watched.remove(socket);
            }
        }
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Watched socket = new Watched();
                implAccept(socket);
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                watched.add(socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(port));
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(port), backlog);
        return s;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = createServerSocket();
        s.bind(new InetSocketAddress(address, port), backlog);
        return s;
    }

    /** A socket that knows since when the server has been blocked reading it (0: no read pending). */
    private static final class Watched extends Socket {
        volatile long readingSince;

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    readingSince = System.nanoTime();
                    try {
                        return super.read();
                    } finally {
                        readingSince = 0;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    readingSince = System.nanoTime();
                    try {
                        return super.read(b, off, len);
                    } finally {
                        readingSince = 0;
                    }
                }
            };
        }
    }
}
