package com.infrakitchen.console.support.fakeentra;

import com.infrakitchen.console.support.fakeentra.EntraFixtures.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An in-process fake of the Microsoft Entra token endpoint for the client-credentials flow, on MockWebServer, as
 * {@code docs/azure-devops.md} §12.6 and §14 describe it: {@code POST {authorityHost}/{tenant}/oauth2/v2.0/token}
 * with a client secret, a certificate assertion (RS256, {@code x5t#S256}/{@code x5t}) or a federated assertion.
 * Fixtures are in {@link EntraFixtures}; the access tokens it issues are what the fake Azure DevOps accepts as
 * service principals.
 *
 * <p>As unkind as the fake Azure DevOps: {@code TCP_NODELAY}, idle keep-alive connections closed after
 * {@link #DEFAULT_IDLE_TIMEOUT}, an optional delay before every answer. Runtime state (registered certificates,
 * secrets expired at runtime, delay, token lifetime, recorded requests) is forgotten by {@link #reset()}.
 * Thread-safe.
 */
public final class FakeEntra implements AutoCloseable {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(2);

    private final MockWebServer server = new MockWebServer();
    private final List<TokenCall> calls = new CopyOnWriteArrayList<>();
    private final Map<App, List<X509Certificate>> certificates = new ConcurrentHashMap<>();
    private final Set<String> expiredSecrets = ConcurrentHashMap.newKeySet();
    private final UnkindSockets sockets;
    private HeldCertificate tlsCertificate;
    private volatile String authorityHost;
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration tokenLifetime = EntraFixtures.DEFAULT_TOKEN_LIFETIME;
    private volatile Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

    public FakeEntra() {
        sockets = new UnkindSockets(() -> idleTimeout);
        server.setDispatcher(new EntraDispatcher(this));
        server.setServerSocketFactory(sockets);
        server.setProtocols(List.of(Protocol.HTTP_1_1));
    }

    /**
     * Serves HTTPS (HTTP/1.1) with a fresh self-signed certificate for 127.0.0.1 and localhost; trust it with
     * {@link #clientCertificates()} or {@link #certificatePem()}. Call before {@link #start()}.
     */
    public FakeEntra useSelfSignedTls() {
        tlsCertificate = new HeldCertificate.Builder().commonName("fake.login.microsoftonline.com")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
                .duration(365, TimeUnit.DAYS).build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(tlsCertificate).build()
                .sslSocketFactory());
        return this;
    }

    public HandshakeCertificates clientCertificates() {
        requireTls();
        return new HandshakeCertificates.Builder().addTrustedCertificate(tlsCertificate.certificate()).build();
    }

    public String certificatePem() {
        requireTls();
        return tlsCertificate.certificatePem();
    }

    /** Binds 127.0.0.1 on a free port. */
    public FakeEntra start() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        authorityHost = (tlsCertificate != null ? "https" : "http") + "://127.0.0.1:" + server.getPort();
        return this;
    }

    @Override
    public void close() {
        sockets.close();
        server.close();
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash: the value of {@code app.entra.authority-host}. */
    public String authorityHost() {
        if (authorityHost == null) {
            throw new IllegalStateException("not started");
        }
        return authorityHost;
    }

    /** {@code {authorityHost}/{tenant}/oauth2/v2.0/token}: also the exact {@code aud} a certificate assertion needs. */
    public String tokenEndpoint(String tenant) {
        return authorityHost() + "/" + tenant + "/oauth2/v2.0/token";
    }

    public int port() {
        return server.getPort();
    }

    /** Adds a certificate credential to an app (as uploading it under Certificates &amp; secrets does). */
    public void registerCertificate(String clientId, X509Certificate certificate) {
        App app = App.byClientId(clientId).orElseThrow(() -> new IllegalArgumentException("unknown app " + clientId));
        ClientAssertions.requireEncodable(certificate);
        certificates.computeIfAbsent(app, a -> new CopyOnWriteArrayList<>()).add(certificate);
    }

    /** From now on this secret of this app gets AADSTS7000222 (its end date passed). */
    public void expireSecret(String clientId, String secret) {
        expiredSecrets.add(clientId.toLowerCase(Locale.ROOT) + "\n" + Objects.requireNonNull(secret));
    }

    /** Held back before every answer's headers; {@link Duration#ZERO} for none. */
    public void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        this.delay = delay;
    }

    /** Lifetime of the tokens issued from now on, and their {@code expires_in} (default 3599 s). */
    public void setTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.tokenLifetime = lifetime;
    }

    /** How long an idle keep-alive connection stays open (default {@link #DEFAULT_IDLE_TIMEOUT}). */
    public void setIdleTimeout(Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        this.idleTimeout = idleTimeout;
    }

    /** Forgets requests, registered certificates and runtime-expired secrets; delay, lifetime and idle timeout back to default. */
    public void reset() {
        calls.clear();
        certificates.clear();
        expiredSecrets.clear();
        delay = Duration.ZERO;
        tokenLifetime = EntraFixtures.DEFAULT_TOKEN_LIFETIME;
        idleTimeout = DEFAULT_IDLE_TIMEOUT;
    }

    /** Requests to the token route (any answer) since start or the last {@link #reset()}. */
    public int tokenRequests() {
        return (int) calls.stream().filter(c -> c.tenant() != null).count();
    }

    /** Every request since start or the last {@link #reset()}, oldest first. */
    public List<TokenCall> requests() {
        return List.copyOf(calls);
    }

    /** The {@code grant_type} of the newest request; null when none was sent (or no request came). */
    public String lastGrantType() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1).grantType();
    }

    /** The newest request; null when none came. */
    public TokenCall lastRequest() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    /** TCP connections accepted since start (never reset). */
    public int connectionCount() {
        return sockets.connections();
    }

    /** Connections closed for idleness (never reset). */
    public int idleClosedCount() {
        return sockets.idleClosed();
    }

    // ---- for the dispatcher ----

    void record(TokenCall call) {
        calls.add(call);
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // MockWebServer's own copy: dropped, this log is the fake's
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean secretExpired(App app, String secret) {
        return (app == App.FULL && EntraFixtures.SECRET_FULL_EXPIRED.equals(secret))
                || expiredSecrets.contains(app.clientId().toLowerCase(Locale.ROOT) + "\n" + secret);
    }

    List<X509Certificate> certificates(App app) {
        return new ArrayList<>(certificates.getOrDefault(app, List.of()));
    }

    Duration delay() {
        return delay;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    private void requireTls() {
        if (tlsCertificate == null) {
            throw new IllegalStateException("useSelfSignedTls() was not called");
        }
    }
}
