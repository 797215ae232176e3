package com.infrakitchen.console.integration.azuredevops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * What OkHttp's {@link EventListener} saw of one check's connections (decision 0010: each check has its own, so
 * these are the check's own DNS lookup, TCP connect and TLS handshake, never a pooled connection's old ones). One
 * listener per call, each recording, with {@link System#nanoTime()} stamps, the lookup (host, addresses), the
 * connect attempts (addresses, the one used, the failure), the handshake (protocol, cipher, certificates) and the
 * connection it got. {@link NetworkSteps} turns a call's record into the ladder's first three steps.
 */
final class ConnectionEvents implements EventListener.Factory {

    private final Map<Call, CallEvents> calls = new ConcurrentHashMap<>();

    @Override
    public EventListener create(Call call) {
        CallEvents events = new CallEvents();
        calls.put(call, events);
        return events;
    }

    /**
     * The record of the connection {@code call} used. A call that was given a connection another call of the check
     * opened (HTTP/2 carries parallel requests on one connection) has no set-up of its own: that call's record is
     * the one that describes the connection.
     */
    Observed of(Call call) {
        CallEvents own = calls.get(call);
        if (own == null) {
            return new CallEvents().snapshot();
        }
        Connection used = own.connection;
        if (own.connectStart == 0 && used != null) {
            for (CallEvents other : calls.values()) {
                if (other.connection == used && other.connectStart != 0) {
                    return other.snapshot().sharedWith();
                }
            }
        }
        return own.snapshot();
    }

    /** What the address guard resolved for {@code call}'s proxied target ({@link ProxyRoutes.TargetGuard}). */
    void targetResolved(Call call, List<InetAddress> addresses) {
        CallEvents own = calls.get(call);
        if (own != null) {
            own.targetAddresses = List.copyOf(addresses);
        }
    }

    /**
     * One call's connection set-up as seen. Times are {@link System#nanoTime()} values, 0 when the event did not
     * happen.
     *
     * @param addresses      what the lookup returned (after the address guard), empty when there was none
     * @param attempted      every address a TCP connect was started to, in order
     * @param connected      the address the connection was made to, when TCP connected
     * @param connectFailure the last failed connect attempt's exception (TCP, or TLS after TCP)
     * @param handshake      the TLS handshake, when it completed (certificates verified)
     * @param presented      the certificate the server presented, also when it was refused
     * @param acquired       whether the call got a connection
     * @param shared         whether the connection was opened by another call of the check
     * @param proxy          the route's proxy as selected ({@link Proxy#NO_PROXY} when direct), null before selection;
     *                       with an HTTP proxy the lookup and connect above are the proxy's
     * @param targetAddresses what the address guard resolved for a proxied target, empty when direct
     */
    record Observed(long dnsStart, long dnsEnd, List<InetAddress> addresses, long connectStart,
            List<InetSocketAddress> attempted, @Nullable InetSocketAddress connected, long secureStart,
            long secureEnd, @Nullable Handshake handshake, @Nullable X509Certificate presented, long connectEnd,
            long failedAt,
            @Nullable IOException connectFailure, @Nullable Protocol protocol, boolean acquired, boolean shared,
            @Nullable Proxy proxy, List<InetAddress> targetAddresses) {

        Observed sharedWith() {
            return new Observed(dnsStart, dnsEnd, addresses, connectStart, attempted, connected, secureStart,
                    secureEnd, handshake, presented, connectEnd, failedAt, connectFailure, protocol, true, true, proxy,
                    targetAddresses);
        }

        /** Whether the route went through an HTTP proxy. */
        boolean proxied() {
            return proxy != null && proxy.type() == Proxy.Type.HTTP;
        }

        /** TCP was set up: the TLS handshake began, or the connection was completed or handed over. */
        boolean tcpConnected() {
            return secureStart != 0 || connectEnd != 0 || acquired;
        }
    }

    /** The listener of one call. Fields are written on OkHttp's threads and read once the call has ended. */
    private static final class CallEvents extends EventListener {
        private volatile long dnsStart;
        private volatile long dnsEnd;
        private volatile List<InetAddress> addresses = List.of();
        private volatile long connectStart;
        private final List<InetSocketAddress> attempted = new CopyOnWriteArrayList<>();
        private volatile @Nullable InetSocketAddress connected;
        private volatile long secureStart;
        private volatile long secureEnd;
        private volatile @Nullable Handshake handshake;
        private volatile @Nullable X509Certificate presented;
        private volatile long connectEnd;
        private volatile long failedAt;
        private volatile @Nullable IOException connectFailure;
        private volatile @Nullable Protocol protocol;
        private volatile @Nullable Connection connection;
        private volatile @Nullable Proxy proxy;
        private volatile List<InetAddress> targetAddresses = List.of();

        @Override
        public void proxySelectEnd(Call call, HttpUrl url, List<Proxy> proxies) {
            proxy = proxies.isEmpty() ? null : proxies.get(0);
        }

        @Override
        public void dnsStart(Call call, String domainName) {
            if (dnsStart == 0) {
                dnsStart = System.nanoTime();
            }
        }

        @Override
        public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
            dnsEnd = System.nanoTime();
            addresses = List.copyOf(inetAddressList);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
            if (connectStart == 0) {
                connectStart = System.nanoTime();
            }
            attempted.add(inetSocketAddress);
        }

        @Override
        public void secureConnectStart(Call call) {
            if (secureStart == 0) {
                secureStart = System.nanoTime();
            }
            // OkHttp runs the handshake on this thread, between this event and its end or failure
            PresentedCertificates.listen(chain -> presented = chain[0]);
        }

        @Override
        public void secureConnectEnd(Call call, @Nullable Handshake handshake) {
            PresentedCertificates.stop();
            secureEnd = System.nanoTime();
            this.handshake = handshake;
        }

        @Override
        public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy,
                @Nullable Protocol protocol) {
            connectEnd = System.nanoTime();
            connected = inetSocketAddress;
            this.protocol = protocol;
        }

        @Override
        public void connectFailed(Call call, InetSocketAddress inetSocketAddress, Proxy proxy,
                @Nullable Protocol protocol, IOException ioe) {
            PresentedCertificates.stop();
            failedAt = System.nanoTime();
            connectFailure = ioe;
            if (secureStart != 0 && connected == null) {
                // TCP reached this address; the TLS handshake on it failed
                connected = inetSocketAddress;
            }
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            this.connection = connection;
            if (connected == null) {
                connected = connection.route().socketAddress();
            }
            if (handshake == null) {
                handshake = connection.handshake();
            }
            if (protocol == null) {
                protocol = connection.protocol();
            }
        }

        @Override
        public void callEnd(Call call) {
            PresentedCertificates.stop();
        }

        @Override
        public void callFailed(Call call, IOException ioe) {
            PresentedCertificates.stop();
        }

        Observed snapshot() {
            return new Observed(dnsStart, dnsEnd, addresses, connectStart, List.copyOf(attempted), connected,
                    secureStart, secureEnd, handshake, presented, connectEnd, failedAt, connectFailure, protocol,
                    connection != null, false, proxy, targetAddresses);
        }
    }
}
