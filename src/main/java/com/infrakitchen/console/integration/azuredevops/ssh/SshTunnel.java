package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.ProxyHTTP;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SSH check's way through the egress proxy (decision 0018): JSch's own {@link ProxyHTTP} (an HTTP CONNECT tunnel,
 * with Basic credentials when configured), watched. The TCP connection to the proxy is the check's
 * {@link WatchedSockets} one (timed, closable by the watchdog), so the ladder's DNS and TCP steps are the proxy's;
 * this records how the CONNECT ended: the proxy's status line, and when the tunnel stood. Once it stands, what the
 * sockets remember as "received" starts again, so that the SSH server's greeting (not the proxy's "HTTP/1.0 200")
 * is what a failed handshake names. SSH, with its strict host key check, runs end to end inside the tunnel.
 *
 * <p>JSch sends the credentials with the CONNECT request itself (it does not wait for a 407), to the proxy only; the
 * proxy never sees more than the target's host and port and the encrypted SSH stream.
 */
final class SshTunnel implements Proxy {

    private static final Pattern STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})\\b.*");

    private final ProxyHTTP proxy;
    private final WatchedSockets sockets;
    private final String label;
    private final boolean credentials;
    private volatile long establishedAt;
    private volatile String statusLine = "";
    private volatile @Nullable Exception failure;

    SshTunnel(OutboundProxy outbound, WatchedSockets sockets) {
        this.proxy = new ProxyHTTP(outbound.host(), outbound.port());
        this.sockets = sockets;
        this.label = outbound.label();
        this.credentials = outbound.hasCredentials();
        if (credentials) {
            Secret password = outbound.password();
            try {
                // JSch takes the password as a String and keeps it for the session's life (it ends with the check)
                proxy.setUserPasswd(outbound.username(), password.reveal());
            } finally {
                password.wipe();
            }
        }
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int timeout) throws Exception {
        try {
            proxy.connect(factory, host, port, timeout);
        } catch (Exception e) {
            statusLine = sockets.firstLine();
            failure = e;
            throw e;
        }
        statusLine = sockets.firstLine();
        establishedAt = System.nanoTime();
        sockets.forgetReceived();
    }

    @Override
    public InputStream getInputStream() {
        return proxy.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return proxy.getOutputStream();
    }

    @Override
    public Socket getSocket() {
        return proxy.getSocket();
    }

    @Override
    public void close() {
        proxy.close();
    }

    /** Whether the proxy answered the CONNECT with 200: the tunnel stands. */
    boolean established() {
        return establishedAt != 0;
    }

    long establishedAt() {
        return establishedAt;
    }

    /** The proxy's status line ("HTTP/1.1 403 Forbidden"), printable, or "" when it sent none. */
    String statusLine() {
        return statusLine;
    }

    /** The status code of {@link #statusLine()}, or null when the proxy sent no status line. */
    @Nullable Integer status() {
        Matcher m = STATUS.matcher(statusLine);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    @Nullable Exception failure() {
        return failure;
    }

    String label() {
        return label;
    }

    boolean credentials() {
        return credentials;
    }
}
