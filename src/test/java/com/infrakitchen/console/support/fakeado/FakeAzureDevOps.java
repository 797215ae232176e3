package com.infrakitchen.console.support.fakeado;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An in-process fake of Azure DevOps Services over HTTP, built on MockWebServer, following the contract of
 * {@code docs/azure-devops.md} §12 (fixtures §12.1, handling order §12.2, routes §12.3) and the facts of §2-§5 and
 * §7. Tokens are in {@link FakeTokens}; what each one does is described there.
 *
 * <p>Paths are those of dev.azure.com, served at the root: {@code {baseUrl}/{org}/_apis/...}; the vssps host is
 * {@code {baseUrl}/vssps/{org}/...}; organization-less routes are {@code {baseUrl}/_apis/resourceAreas/...},
 * {@code {baseUrl}/_apis/profile/profiles/me} (the global profile endpoint) and {@code {baseUrl}/_signin}.
 *
 * <p>Everything the doc marks [?] is a switch here; every switch is reset by {@link #reset()}:
 * <ul>
 *   <li>{@link #setUnknownOrgBody}: the 404 of an unknown org is {@code text/plain} "The resource cannot be found."
 *       (default) or an HTML "Page not found." page.</li>
 *   <li>{@link #setResourceAreasUnknownOrg}: resourceAreas for an unknown org answers that same 404 (default) or
 *       200 with {@code "locationUrl":null}.</li>
 *   <li>{@link #setConnectionDataAnonymous}: connectionData without credentials answers 200 with the anonymous
 *       identity (default), also does so for unrecognised tokens, or answers F1.</li>
 *   <li>{@link #setOnPrem2020}: api-versions above 6.0 get the 400 {@code VssVersionOutOfRangeException}, and
 *       connectionData says {@code onPremises}.</li>
 *   <li>{@link #setChaos}: every request gets a 500 TF400898, a 503 outage page, or no answer at all (stall).</li>
 *   <li>{@link #setDelay}: every response is held back this long before its headers are written.</li>
 *   <li>{@link #setRateLimitThreshold}: the N at which {@link FakeTokens#PAT_RATE_LIMITED} starts getting 429.</li>
 *   <li>{@link #setSshUrlBase}: the prefix of {@code sshUrl} in repository bodies, for an SSH fake's port.</li>
 * </ul>
 *
 * <p>Thread-safe: MockWebServer serves connections concurrently; the fixtures are immutable, switches are volatile
 * and counters atomic.
 */
public final class FakeAzureDevOps implements AutoCloseable {

    public static final String CONTOSO = "contoso";
    public static final String FABRIKAM = "fabrikam";
    public static final String BIGORG = "bigorg";
    public static final String CONTOSO_TENANT = "11111111-1111-1111-1111-111111111111";
    /** The tenant of an MSA-backed org such as fabrikam. */
    public static final String MSA_TENANT = "00000000-0000-0000-0000-000000000000";
    public static final String WEB_PROJECT_ID = "c0c0c0c0-0000-4000-8000-000000000001";
    public static final String FABRIKAM_FIBER_PROJECT_ID = "c0c0c0c0-0000-4000-8000-000000000002";
    public static final String WEB_APP_REPO_ID = "d0d0d0d0-0000-4000-8000-000000000001";
    /** The commit {@code refs/heads/main} of {@code Web/web-app} points to. */
    public static final String WEB_APP_MAIN_SHA = AdoFixtures.MAIN_SHA;
    public static final int BIGORG_PROJECT_COUNT = 150;
    /** An organization with 150 repositories in 10 projects (its listing is about 120 KB). */
    public static final String WIDEORG = "wideorg";
    public static final int WIDEORG_REPOSITORY_COUNT = 150;
    public static final int WIDEORG_PROJECT_COUNT = 10;
    /** An organization with 5,000 repositories in 50 projects (about 4 MB of listing). */
    public static final String HUGEORG = "hugeorg";
    public static final int HUGEORG_REPOSITORY_COUNT = 5000;
    public static final int HUGEORG_PROJECT_COUNT = 50;
    /** Branches and tags of hugeorg's first repository: its push advertisement is far above 64 KiB. */
    public static final int HUGEORG_FIRST_REPOSITORY_REFS = 4000;
    public static final String ALICE_ID = "a1a1a1a1-0000-4000-8000-000000000001";
    public static final String BOB_ID = "5e3c0b0b-0000-4000-8000-000000000002";
    public static final String FRANK_ID = "f1f1f1f1-0000-4000-8000-000000000006";
    public static final String ANONYMOUS_ID = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
    public static final String DEPLOYMENT_ID = "de0de0de-0000-4000-8000-000000000001";
    public static final String CORE_AREA_ID = "79134c72-4a58-4b42-976c-04e7115f32bf";
    /** The {@code Basic realm} of every 401 (a made-up scale unit). */
    public static final String BASIC_REALM = "https://tfsprodfake1.app.visualstudio.com/";
    public static final int DEFAULT_RATE_LIMIT_THRESHOLD = 3;
    public static final String DEFAULT_SSH_URL_BASE = "git@ssh.dev.azure.com:v3";
    /** Idle keep-alive connections are closed after this long unless {@link #setIdleTimeout} says otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(1);
    /** Bodies of at least this many bytes are sent chunked unless {@link #setChunkedFromBytes} says otherwise. */
    public static final int DEFAULT_CHUNKED_FROM_BYTES = 16 * 1024;

    public enum UnknownOrgBody {
        /** {@code text/plain; charset=utf-8}, "The resource cannot be found." (29 bytes). */
        TEXT_PLAIN,
        /** {@code text/html; charset=utf-8}, a "Page not found." page. */
        HTML
    }

    public enum ResourceAreasUnknownOrg {
        /** The unknown-org 404 (body as {@link #setUnknownOrgBody} says). */
        NOT_FOUND,
        /** 200 {@code {"id":…,"name":"Core","locationUrl":null}}. */
        NULL_LOCATION_URL
    }

    public enum ConnectionDataAnonymous {
        /** No Authorization: 200 with the anonymous identity; a bad token still gets its 401. */
        ANONYMOUS_IDENTITY,
        /** No Authorization or an unrecognised token (F2 cases, Bearer non-JWT): 200 with the anonymous identity. */
        ANONYMOUS_IDENTITY_ALSO_FOR_BAD_TOKENS,
        /** No Authorization: 401 F1, like every other route. */
        UNAUTHORIZED
    }

    public enum Chaos {
        NONE,
        /** 500, the TF400898 wrapped exception with this response's ActivityId. */
        INTERNAL_ERROR,
        /** 503, {@code text/html} "Azure DevOps Services Unavailable". */
        SERVICE_UNAVAILABLE,
        /** Read the request, never answer (until the client gives up or the fake closes). */
        STALL
    }

    /** One request as the fake received it. {@code target} is the raw request target: path and query as sent. */
    public record RecordedCall(String method, String target, String path, Headers headers) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger rateLimitedCount = new AtomicInteger();
    private final AtomicBoolean flakyServed = new AtomicBoolean();
    private final String processId = java.util.UUID.randomUUID().toString();
    private HeldCertificate certificate;
    private volatile String baseUrl;

    private volatile UnknownOrgBody unknownOrgBody;
    private volatile ResourceAreasUnknownOrg resourceAreasUnknownOrg;
    private volatile ConnectionDataAnonymous connectionDataAnonymous;
    private volatile boolean onPrem2020;
    private volatile Chaos chaos;
    private volatile Duration delay;
    private volatile int rateLimitThreshold;
    private volatile String sshUrlBase;
    /** Read at accept time: a change applies to connections accepted afterwards. */
    private volatile Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicInteger idleClosedCount = new AtomicInteger();
    private final java.util.Set<WatchedSocket> watched = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService idleTimer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fake-ado-idle-timer");
                t.setDaemon(true);
                return t;
            });
    /** True with TLS unless {@link #useHttp1Only()}: ALPN may then pick HTTP/2. */
    private volatile boolean http2Allowed;
    private volatile boolean http1Only;
    private volatile int chunkedFromBytes;
    private volatile long throttleBytesPerSecond;
    private volatile int projectsPageCap;

    public FakeAzureDevOps() {
        resetSwitches();
        server.setDispatcher(new AdoDispatcher(this));
        server.setServerSocketFactory(new UnkindServerSockets(this));
    }

    /**
     * Accepted sockets as production HTTP front ends treat them:
     * <ul>
     *   <li>TCP_NODELAY: MockWebServer writes a response in several small writes, and with Nagle's algorithm against
     *       the client's delayed ACK some responses stalled about 40 ms at random, which made latency figures
     *       measure the fake instead of the client.</li>
     *   <li>An idle keep-alive connection is closed after {@link #setIdleTimeout} (1 s by default): real servers
     *       close idle connections after 5 s (Node), 75 s (nginx), 120 s (IIS) and proxies sooner, and a client that
     *       reuses such a connection reads "unexpected end of stream". Idle means what it means to a server: it is
     *       waiting for the next request (MockWebServer's thread is blocked reading the socket) and no byte arrived
     *       for that long; a request being answered slowly ({@link #setDelay}, {@link Chaos#STALL}) is not idle.
     *       The close is a plain FIN, as a server's idle timer sends. HTTP/2 connections are left alone (their
     *       reader always waits; a real server sends GOAWAY, which clients notice).</li>
     * </ul>
     */
    private static final class UnkindServerSockets extends javax.net.ServerSocketFactory {
        private final FakeAzureDevOps fake;

        UnkindServerSockets(FakeAzureDevOps fake) {
            this.fake = fake;
        }

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    WatchedSocket socket = new WatchedSocket();
                    implAccept(socket);
                    socket.setTcpNoDelay(true);
                    fake.connectionCount.incrementAndGet();
                    fake.watched.add(socket);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    /**
     * An accepted socket that knows since when the server has been waiting for bytes on it, and how many of the bytes
     * it read belong to requests already recorded (MockWebServer reads, dispatches and answers an HTTP/1.1
     * connection on one thread, so the socket that thread last read from is the one a recorded request came on).
     */
    private static final class WatchedSocket extends java.net.Socket {
        /** The socket the current server thread reads from. */
        static final ThreadLocal<WatchedSocket> READ_BY_THIS_THREAD = new ThreadLocal<>();

        /** {@link System#nanoTime()} when the pending read started; 0 when no read is pending. */
        volatile long readingSince;
        /** Whether the server has begun reading it (before that, a request may wait unread in its buffer). */
        volatile boolean readStarted;
        private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();
        private volatile long bytesRecorded;

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return new java.io.FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    startRead();
                    try {
                        int b = super.read();
                        if (b >= 0) {
                            bytesRead.incrementAndGet();
                        }
                        return b;
                    } finally {
                        readingSince = 0;
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    startRead();
                    try {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            bytesRead.addAndGet(n);
                        }
                        return n;
                    } finally {
                        readingSince = 0;
                    }
                }
            };
        }

        private void startRead() {
            READ_BY_THIS_THREAD.set(this);
            readStarted = true;
            readingSince = System.nanoTime();
        }

        /** Called on the server thread that just read a whole request from this socket. */
        void requestRecorded() {
            bytesRecorded = bytesRead.get();
        }

        /** Open, and either not read yet or holding bytes of a request not recorded yet. */
        boolean receiving() {
            return !isClosed() && (!readStarted || bytesRead.get() > bytesRecorded);
        }

        boolean idleLongerThan(Duration idle, long now) {
            long since = readingSince;
            return since != 0 && now - since > idle.toNanos();
        }
    }

    /** Closes watched sockets idle for longer than the idle timeout; runs every 50 ms while the fake runs. */
    private void closeIdleConnections() {
        if (http2Allowed) {
            return;
        }
        long now = System.nanoTime();
        Duration idle = idleTimeout;
        for (WatchedSocket socket : watched) {
            if (socket.isClosed()) {
                watched.remove(socket);
            } else if (socket.idleLongerThan(idle, now)) {
                try {
                    socket.close();
                    idleClosedCount.incrementAndGet();
                } catch (IOException e) {
                    // closing is all we wanted
                }
                watched.remove(socket);
            }
        }
    }

    /**
     * Serves HTTPS with a freshly made self-signed certificate for 127.0.0.1 and localhost, valid for a year as real
     * ones are (untrusted by default clients: the "TLS with an untrusted certificate" chaos). Call before
     * {@link #start()}.
     */
    public FakeAzureDevOps useSelfSignedTls() {
        return useTls(new HeldCertificate.Builder().commonName("fake.dev.azure.com")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
                .duration(365, java.util.concurrent.TimeUnit.DAYS).build());
    }

    /**
     * Serves HTTPS with this certificate (self-signed, or one a test CA signed: chain it with {@code chain}), for
     * the ladder's TLS cases: an untrusted issuer, a certificate about to expire. Call before {@link #start()}.
     */
    public FakeAzureDevOps useTls(HeldCertificate serverCertificate, java.security.cert.X509Certificate... chain) {
        certificate = serverCertificate;
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate, chain).build()
                .sslSocketFactory());
        http2Allowed = !http1Only;
        return this;
    }

    /**
     * Offers only HTTP/1.1 (no HTTP/2 over ALPN), as many corporate proxies and TLS-inspecting middleboxes do: an
     * idle HTTP/1.1 connection closed by the server is not noticed by the client until it is used. Call before
     * {@link #start()}.
     */
    public FakeAzureDevOps useHttp1Only() {
        server.setProtocols(List.of(okhttp3.Protocol.HTTP_1_1));
        http1Only = true;
        http2Allowed = false;
        return this;
    }

    /** Client-side trust for {@link #useSelfSignedTls()}: trusts only the fake's certificate. */
    public HandshakeCertificates clientCertificates() {
        if (certificate == null) {
            throw new IllegalStateException("useSelfSignedTls() was not called");
        }
        return new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build();
    }

    /** The PEM of the fake's certificate, for {@code app.azure-devops.trusted-certificates}. */
    public String certificatePem() {
        if (certificate == null) {
            throw new IllegalStateException("useSelfSignedTls() was not called");
        }
        return certificate.certificatePem();
    }

    /** Binds 127.0.0.1 on a free port. */
    public FakeAzureDevOps start() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        baseUrl = (certificate != null ? "https" : "http") + "://127.0.0.1:" + server.getPort();
        idleTimer.scheduleWithFixedDelay(this::closeIdleConnections, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        idleTimer.shutdownNow();
        server.close();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash; org paths go right under it. */
    public String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("not started");
        }
        return baseUrl;
    }

    /** The stand-in for {@code https://vssps.dev.azure.com}: {@code baseUrl() + "/vssps"}. */
    public String vsspsBaseUrl() {
        return baseUrl() + "/vssps";
    }

    /** {@code baseUrl() + pathAndQuery}. */
    public String url(String pathAndQuery) {
        return baseUrl() + pathAndQuery;
    }

    public int port() {
        return server.getPort();
    }

    /** Requests received since start or the last {@link #reset()}, including stalled ones and /_signin. */
    public int requestCount() {
        return requestCount.get();
    }

    /**
     * Waits until every request that reached this fake is recorded: each connection it accepted is closed, or every
     * byte read from it belongs to a request already recorded (the reader has begun on it, and it held still
     * across two looks 20 ms apart, with no connection accepted in between). After that, counting requests tells
     * exactly what the client sent, with no fixed sleep that a loaded machine may outlast: a request a cancelled
     * call wrote just before it gave up is read and recorded first. A stalled or delayed answer does not hold it
     * up (its request is recorded); a connection still receiving one does. HTTP/1.1 only (plain HTTP, or TLS
     * with {@link #useHttp1Only()}): HTTP/2 reads frames of many requests on one connection.
     *
     * @throws AssertionError when a request is still arriving after {@code timeout}
     */
    public void awaitRequestsRecorded(Duration timeout) {
        if (http2Allowed) {
            throw new IllegalStateException("awaitRequestsRecorded cannot follow HTTP/2 streams: use useHttp1Only()");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int previousConnections = -1;
        int previousRequests = -1;
        while (true) {
            int connections = connectionCount.get();
            int requests = requestCount.get();
            boolean arriving = watched.stream().anyMatch(WatchedSocket::receiving);
            if (!arriving && connections == previousConnections && requests == previousRequests) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("requests still arriving at the fake after " + timeout + ": "
                        + watched.stream().filter(WatchedSocket::receiving).toList());
            }
            previousConnections = arriving ? -1 : connections;
            previousRequests = requests;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for requests to arrive", e);
            }
        }
    }

    /** The requests received so far, oldest first; they stay recorded. */
    public List<RecordedCall> requests() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The requests received so far, oldest first, and forgets them (the count is kept). */
    public List<RecordedCall> takeRequests() {
        synchronized (calls) {
            List<RecordedCall> taken = List.copyOf(calls);
            calls.clear();
            return taken;
        }
    }

    /** Forgets requests and counters (rate limit, flaky) and puts every switch back to its default. */
    public void reset() {
        synchronized (calls) {
            calls.clear();
            requestCount.set(0);
        }
        rateLimitedCount.set(0);
        flakyServed.set(false);
        resetSwitches();
    }

    private void resetSwitches() {
        unknownOrgBody = UnknownOrgBody.TEXT_PLAIN;
        resourceAreasUnknownOrg = ResourceAreasUnknownOrg.NOT_FOUND;
        connectionDataAnonymous = ConnectionDataAnonymous.ANONYMOUS_IDENTITY;
        onPrem2020 = false;
        chaos = Chaos.NONE;
        delay = Duration.ZERO;
        rateLimitThreshold = DEFAULT_RATE_LIMIT_THRESHOLD;
        sshUrlBase = DEFAULT_SSH_URL_BASE;
        idleTimeout = DEFAULT_IDLE_TIMEOUT;
        chunkedFromBytes = DEFAULT_CHUNKED_FROM_BYTES;
        throttleBytesPerSecond = 0;
        projectsPageCap = 0;
    }

    // ---- switches ----

    public void setUnknownOrgBody(UnknownOrgBody body) {
        unknownOrgBody = Objects.requireNonNull(body);
    }

    public void setResourceAreasUnknownOrg(ResourceAreasUnknownOrg behaviour) {
        resourceAreasUnknownOrg = Objects.requireNonNull(behaviour);
    }

    public void setConnectionDataAnonymous(ConnectionDataAnonymous behaviour) {
        connectionDataAnonymous = Objects.requireNonNull(behaviour);
    }

    /** Azure DevOps Server 2020: newest REST version 6.0. */
    public void setOnPrem2020(boolean onPrem2020) {
        this.onPrem2020 = onPrem2020;
    }

    public void setChaos(Chaos chaos) {
        this.chaos = Objects.requireNonNull(chaos);
    }

    /** Held back before every response's headers; {@link Duration#ZERO} for none. */
    public void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        this.delay = delay;
    }

    /**
     * {@link FakeTokens#PAT_RATE_LIMITED}: requests 1 to N-1 are served with warning headers ({@code Retry-After},
     * {@code X-RateLimit-*} but {@code X-RateLimit-Delay}); request N and later get the 429. Counts from the last
     * {@link #reset()}.
     */
    public void setRateLimitThreshold(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        rateLimitThreshold = n;
    }

    /** Prefix of {@code sshUrl}, default {@code git@ssh.dev.azure.com:v3}; e.g. {@code ssh://git@127.0.0.1:2222/v3}. */
    public void setSshUrlBase(String sshUrlBase) {
        this.sshUrlBase = Objects.requireNonNull(sshUrlBase);
    }

    /**
     * How long an idle keep-alive connection stays open (default {@link #DEFAULT_IDLE_TIMEOUT}); applies to
     * connections accepted after the call. Must be positive: a real server never keeps them for ever.
     */
    public void setIdleTimeout(Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        this.idleTimeout = idleTimeout;
    }

    /** Bodies of at least this many bytes go out with {@code Transfer-Encoding: chunked}; 0 for every body. */
    public void setChunkedFromBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        this.chunkedFromBytes = bytes;
    }

    /** Sends every body at this many bytes per second (in tenth-of-a-second slices); 0 for full speed. */
    public void setThrottleBytesPerSecond(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("negative rate");
        }
        this.throttleBytesPerSecond = bytesPerSecond;
    }

    /**
     * The most projects one page of {@code _apis/projects} holds, whatever {@code $top} asks (0: no cap, the
     * default). Servers cap their pages; a client must then follow {@code X-MS-ContinuationToken}, which comes after
     * this many, rather than count on getting {@code $top}.
     */
    public void setProjectsPageCap(int projects) {
        if (projects < 0) {
            throw new IllegalArgumentException("negative cap");
        }
        this.projectsPageCap = projects;
    }

    /** Connections this fake closed because they were idle (never reset). */
    public int idleClosedCount() {
        return idleClosedCount.get();
    }

    /** TCP connections accepted since start (never reset): tells fresh connections from reused ones. */
    public int connectionCount() {
        return connectionCount.get();
    }

    // ---- for the dispatcher ----

    int chunkedFromBytes() {
        return chunkedFromBytes;
    }

    long throttleBytesPerSecond() {
        return throttleBytesPerSecond;
    }

    void record(RecordedRequest request) {
        WatchedSocket socket = WatchedSocket.READ_BY_THIS_THREAD.get();
        if (socket != null) {
            socket.requestRecorded();
        }
        RecordedCall call = new RecordedCall(request.getMethod(), request.getTarget(), request.getUrl().encodedPath(),
                request.getHeaders());
        synchronized (calls) {
            calls.add(call);
            requestCount.incrementAndGet();
        }
        dropServerCopies();
    }

    /**
     * MockWebServer also queues every request it received for its own {@code takeRequest()}, which nothing here
     * reads ({@link #requests()} is the fake's log): without this, a long-lived fake (the shared one, a benchmark's
     * thousands of checks) keeps every request's headers forever, about 3 KB each.
     */
    private void dropServerCopies() {
        try {
            while (server.takeRequest(0, java.util.concurrent.TimeUnit.NANOSECONDS) != null) {
                // dropped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String processId() {
        return processId;
    }

    UnknownOrgBody unknownOrgBody() {
        return unknownOrgBody;
    }

    ResourceAreasUnknownOrg resourceAreasUnknownOrg() {
        return resourceAreasUnknownOrg;
    }

    ConnectionDataAnonymous connectionDataAnonymous() {
        return connectionDataAnonymous;
    }

    boolean onPrem2020() {
        return onPrem2020;
    }

    Chaos chaos() {
        return chaos;
    }

    Duration delay() {
        return delay;
    }

    int rateLimitThreshold() {
        return rateLimitThreshold;
    }

    String sshUrlBase() {
        return sshUrlBase;
    }

    int projectsPageCap() {
        return projectsPageCap;
    }

    /** 1 for the first request of {@link FakeTokens#PAT_RATE_LIMITED}, 2 for the next, … */
    int nextRateLimitedRequest() {
        return rateLimitedCount.incrementAndGet();
    }

    /** True exactly once: for the first request of {@link FakeTokens#PAT_FLAKY}. */
    boolean firstFlakyRequest() {
        return flakyServed.compareAndSet(false, true);
    }
}
