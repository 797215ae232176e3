package com.infrakitchen.console.integration.azuredevops.ssh;

import com.jcraft.jsch.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one TCP connection of a check, made for JSch: the host resolved (every address kept for the DNS step, the
 * first one used, as {@link InetAddress#getByName} would), the connect bounded by the connect timeout, both timed,
 * closable from another thread (cancellation, watchdog), and remembering the first bytes the server sent, so that a
 * web server answering on the SSH port can be named in the result.
 */
final class WatchedSockets implements SocketFactory {

    private static final int GREETING_BYTES = 256;

    private final int connectTimeoutMillis;
    private final Runnable onConnected;
    private final byte[] greeting = new byte[GREETING_BYTES];
    private volatile int greetingLength;
    private volatile @Nullable Socket socket;
    private volatile boolean closed;
    private volatile @Nullable InetAddress address;
    private volatile List<InetAddress> addresses = List.of();
    private volatile long lookupStartedAt;
    private volatile long resolvedAt;
    private volatile long connectedAt;
    private volatile long sshStartedAt;
    private volatile @Nullable IOException failure;

    WatchedSockets(int connectTimeoutMillis, Runnable onConnected) {
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.onConnected = onConnected;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        try {
            lookupStartedAt = System.nanoTime();
            InetAddress[] all = InetAddress.getAllByName(host);
            InetAddress resolved = all[0];
            addresses = List.of(all);
            resolvedAt = System.nanoTime();
            address = resolved;
            Socket s = new Socket();
            socket = s;
            if (closed) {
                s.close();
                throw new SocketException("cancelled");
            }
            s.connect(new InetSocketAddress(resolved, port), connectTimeoutMillis);
            s.setTcpNoDelay(true);
            connectedAt = System.nanoTime();
            onConnected.run();
            return s;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public InputStream getInputStream(Socket s) throws IOException {
        return new FilterInputStream(s.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    record(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    record(b, off, n);
                }
                return n;
            }
        };
    }

    @Override
    public OutputStream getOutputStream(Socket s) throws IOException {
        return s.getOutputStream();
    }

    private void record(byte[] b, int off, int len) {
        int have = greetingLength;
        if (have >= GREETING_BYTES) {
            return;
        }
        int n = Math.min(len, GREETING_BYTES - have);
        System.arraycopy(b, off, greeting, have, n);
        greetingLength = have + n;
    }

    /** Closes the connection now (cancellation, watchdog); a connect in progress fails at once. */
    void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Whether the host was resolved (an IP literal counts: it needs no lookup). */
    boolean resolved() {
        return resolvedAt != 0;
    }

    /** When the lookup began, or 0 before; when it ended (and the TCP connect began), or 0 if it did not. */
    long lookupStartedAt() {
        return lookupStartedAt;
    }

    long resolvedAt() {
        return resolvedAt;
    }

    /** Every address the lookup returned; the connection goes to the first. */
    List<InetAddress> addresses() {
        return addresses;
    }

    boolean connected() {
        return connectedAt != 0;
    }

    long connectedAt() {
        return connectedAt;
    }

    @Nullable InetAddress address() {
        return address;
    }

    @Nullable IOException failure() {
        return failure;
    }

    /** The first line the server sent, printable, or "" when it sent nothing. */
    String firstLine() {
        byte[] bytes = Arrays.copyOf(greeting, greetingLength);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return PktLines.printable(Arrays.copyOf(bytes, end));
    }

    boolean receivedAnything() {
        return greetingLength > 0;
    }

    /**
     * Starts remembering what the server sends afresh: through a proxy, after its answer to CONNECT, so that
     * {@link #firstLine()} is the SSH server's greeting, not the proxy's status line.
     */
    void forgetReceived() {
        greetingLength = 0;
        sshStartedAt = System.nanoTime();
    }

    /** When SSH began on the connection: the TCP connect, or through a proxy the tunnel's opening. */
    long sshStartedAt() {
        return sshStartedAt != 0 ? sshStartedAt : connectedAt;
    }
}
