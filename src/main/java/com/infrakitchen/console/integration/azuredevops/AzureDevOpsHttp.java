package com.infrakitchen.console.integration.azuredevops;

import jakarta.annotation.PreDestroy;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The only way the console talks HTTP to Azure DevOps (docs/security.md 3.3–3.5). One OkHttp configuration:
 * no redirects followed (a 3xx is reported, and the token never travels to another host), no automatic
 * retries (one click, one request), connect/read/call timeouts, no proxy unless the administrator configured one
 * ({@code app.outbound.proxy}, wired by {@link ProxyRoutes}: the target's address is guarded through the proxy too),
 * no cookies, no cache, addresses guarded. Bodies are capped; JSON is parsed only when the content type says JSON; listings
 * are read as a stream, one entry at a time, under their own cap.
 *
 * <p>No connection is ever reused (decision 0010): each check gets its own {@link Connections}, a client that
 * shares this one's dispatcher, TLS trust and address guard but has its own connection pool, which keeps no idle
 * connection and is emptied when the check ends. A server or proxy closes idle keep-alive connections after a
 * few seconds; a reused one would fail with "unexpected end of stream" and, since nothing is retried, show a
 * working integration as Failed. Each request therefore pays its own TCP and TLS set-up, and measures it.
 */
@Component
public class AzureDevOpsHttp {

    static final String USER_AGENT = "InfraKitchen-Integrations-Console/1.0";

    private final OkHttpClient client;
    private final AddressGuard guard;
    private final AzureDevOpsProperties properties;
    private final OutboundProxy outbound;

    /** Direct connections, the system's DNS (tests and benchmarks). */
    AzureDevOpsHttp(AzureDevOpsProperties properties) {
        this(properties, OutboundProxy.direct(), Dns.SYSTEM);
    }

    @Autowired
    AzureDevOpsHttp(AzureDevOpsProperties properties, OutboundProxy outbound) {
        this(properties, outbound, Dns.SYSTEM);
    }

    /** {@code dns}: what names resolve with (a test gives public addresses to made-up names). */
    AzureDevOpsHttp(AzureDevOpsProperties properties, OutboundProxy outbound, Dns dns) {
        this.properties = properties;
        this.outbound = outbound;
        this.guard = new AddressGuard(dns, properties.allowPrivateAddresses());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .cache(null)
                .connectionPool(noReuse())
                .dispatcher(dispatcher())
                .addNetworkInterceptor(AzureDevOpsHttp::noAutomaticRetry);
        // the configured trust decides; PresentedCertificates only lets a check name a certificate it refused
        X509TrustManager trust = new PresentedCertificates(properties.trustedCertificates() != null
                ? TrustedCertificates.trustManager(properties.trustedCertificates())
                : PresentedCertificates.platformTrust());
        builder.sslSocketFactory(TrustedCertificates.sslContext(trust).getSocketFactory(), trust);
        ProxyRoutes.apply(builder, outbound, guard, dns);
        this.client = builder.build();
    }

    /** A pool that keeps no idle connection: a connection is closed as soon as its last exchange ends. */
    private static ConnectionPool noReuse() {
        return new ConnectionPool(0, 1, TimeUnit.SECONDS);
    }

    /** Fresh connections for one check, their set-up observed; close it when the check ends. */
    Connections connections() {
        return connections(true);
    }

    /**
     * Fresh connections for one check; {@code observe}: with a {@link ConnectionEvents} listener recording their
     * DNS, TCP and TLS set-up (the benchmark measures the check without it too).
     */
    Connections connections(boolean observe) {
        return connections(observe, Scheme.BASIC);
    }

    /** How a check's requests carry its credential: a PAT as Basic, a Microsoft Entra access token as Bearer. */
    enum Scheme { BASIC, BEARER }

    /** As {@link #connections(boolean)}, each GET sending its token as {@code scheme} says. */
    Connections connections(boolean observe, Scheme scheme) {
        OkHttpClient.Builder builder = client.newBuilder().connectionPool(noReuse());
        ConnectionEvents events = observe ? new ConnectionEvents() : null;
        if (events != null) {
            builder.eventListenerFactory(events);
            // the target addresses the guard resolved for a proxied request, for the DNS step
            builder.interceptors().replaceAll(i -> i instanceof ProxyRoutes.TargetGuard g
                    ? g.reporting(events::targetResolved) : i);
        }
        return new Connections(builder.build(), events, scheme);
    }

    /**
     * The client of one check: the shared configuration and dispatcher, a connection pool of its own. Nothing it
     * opens outlives it, and nothing another check opened is ever used by it.
     */
    final class Connections implements AutoCloseable {
        private final OkHttpClient checkClient;
        private final @Nullable ConnectionEvents events;
        private final Scheme scheme;

        private Connections(OkHttpClient checkClient, @Nullable ConnectionEvents events, Scheme scheme) {
            this.checkClient = checkClient;
            this.events = events;
            this.scheme = scheme;
        }

        Call newGet(HttpUrl url, @Nullable String token, String session) {
            return checkClient.newCall(get(url, token, session, scheme));
        }

        /**
         * A form POST (the Microsoft Entra token request) with the same guard, timeouts, proxy and no redirects. The
         * body holds a secret: OkHttp never logs it, and nothing here keeps it.
         */
        Call newFormPost(HttpUrl url, okhttp3.FormBody form) {
            return checkClient.newCall(new Request.Builder().url(url).post(form)
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("client-request-id", UUID.randomUUID().toString())
                    .header("return-client-request-id", "true").build());
        }

        /** What was seen of the connection set-up of {@code call}; null when not observed. */
        ConnectionEvents.@Nullable Observed observed(Call call) {
            return events == null ? null : events.of(call);
        }

        @Override
        public void close() {
            checkClient.connectionPool().evictAll();
        }
    }

    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(32);
        return dispatcher;
    }

    public AzureDevOpsProperties properties() {
        return properties;
    }

    /** The egress proxy setting this client applies. */
    OutboundProxy outbound() {
        return outbound;
    }

    /** The configured base URL, parsed. */
    HttpUrl baseUrl() {
        HttpUrl url = HttpUrl.get(properties.baseUrl().toString());
        return url;
    }

    /** A call of exactly this request (tests use it to send what a misbehaving proxy would). */
    Call newCall(Request request) {
        return client.newCall(request);
    }

    /** A GET with the headers a good client sends (docs/azure-devops.md 2.3); {@code token} may be null. */
    Call newGet(HttpUrl url, @Nullable String token, @Nullable String session) {
        return client.newCall(get(url, token, session, Scheme.BASIC));
    }

    /** As {@link #newGet(HttpUrl, String, String)} with a Microsoft Entra access token as Bearer. */
    Call newBearerGet(HttpUrl url, String accessToken, @Nullable String session) {
        return client.newCall(get(url, accessToken, session, Scheme.BEARER));
    }

    private static Request get(HttpUrl url, @Nullable String token, @Nullable String session, Scheme scheme) {
        Request.Builder request = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header("X-TFS-FedAuthRedirect", "Suppress")
                .header("X-VSS-ForceMsaPassThrough", "true")
                .header("X-TFS-Session", session == null ? UUID.randomUUID().toString() : session)
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            request.header("Authorization", scheme == Scheme.BEARER ? "Bearer " + token
                    : Credentials.basic("", token, StandardCharsets.UTF_8));
        }
        return request.build();
    }

    /**
     * How an answer is read. {@link #SMALL}: at most {@code max-body-bytes}, more is reported as too large.
     * {@link #HEAD}: the beginning only, at most {@code max-body-bytes}; the rest is not needed and not read (the
     * Git push advertisement, whose size grows with the repository's refs). {@link #LISTING}: a successful JSON
     * listing is read as a stream, each entry of its {@code value} array handed to a visitor and dropped, under
     * {@code max-listing-bytes}; any other answer is read as {@link #SMALL}.
     */
    enum ReadMode { SMALL, HEAD, LISTING }

    /** One request and what came of it: an answer, or the network failure; with its duration. */
    record Exchange(String url, @Nullable AdoResponse response, @Nullable IOException error, long durationMillis) {
    }

    /**
     * Sends the call on OkHttp's dispatcher and reads the answer safely. The future never fails: a network
     * failure is in {@link Exchange#error()}, untouched, for classification.
     */
    CompletableFuture<Exchange> send(Call call) {
        return send(call, ReadMode.SMALL, null);
    }

    /** As {@link #send(Call)}, reading the answer as {@code mode} says; {@code entries} visits a listing's entries. */
    CompletableFuture<Exchange> send(Call call, ReadMode mode, @Nullable Consumer<JsonNode> entries) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        String shown = AnswerReader.redacted(call.request().url());
        long start = System.nanoTime();
        try {
            guard.checkLiteral(call.request().url().host());
        } catch (IOException e) {
            result.complete(new Exchange(shown, null, e, 0));
            return result;
        }
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.complete(new Exchange(shown, null, e, millisSince(start)));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try {
                    AdoResponse read = AnswerReader.read(c, response, start, mode, entries, properties);
                    result.complete(new Exchange(shown, read, null, read.durationMillis()));
                } catch (IOException e) {
                    result.complete(new Exchange(shown, null, e, millisSince(start)));
                } catch (RuntimeException e) {
                    result.complete(new Exchange(shown, null, new IOException(e.getClass().getSimpleName(), e),
                            millisSince(start)));
                }
            }
        });
        return result;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs the call on this thread and reads its answer safely (for benchmarks and tests). */
    AdoResponse execute(Call call) throws IOException {
        guard.checkLiteral(call.request().url().host());
        long start = System.nanoTime();
        return AnswerReader.read(call, call.execute(), start, ReadMode.SMALL, null, properties);
    }

    /** As {@link #execute(Call)}, reading a listing entry by entry. */
    AdoResponse executeListing(Call call, Consumer<JsonNode> entries) throws IOException {
        guard.checkLiteral(call.request().url().host());
        long start = System.nanoTime();
        return AnswerReader.read(call, call.execute(), start, ReadMode.LISTING, entries, properties);
    }

    /**
     * OkHttp repeats a request by itself when a 503 says {@code Retry-After: 0}, whatever
     * {@code retryOnConnectionFailure} says (docs/security.md 3.4, verified). A diagnostic must send one request per
     * click, so the header is moved aside before OkHttp sees it; {@link #RETRY_AFTER_ZERO} keeps it for the
     * details.
     */
    private static Response noAutomaticRetry(okhttp3.Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 503 && response.header("Retry-After") != null) {
            return response.newBuilder().removeHeader("Retry-After")
                    .header(RETRY_AFTER_ZERO, response.header("Retry-After")).build();
        }
        return response;
    }

    static final String RETRY_AFTER_ZERO = "X-Console-Retry-After";

    /** Cancels whatever is in flight when the application stops (docs/security.md 6.3 H-19). */
    @PreDestroy
    void shutdown() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }
}
