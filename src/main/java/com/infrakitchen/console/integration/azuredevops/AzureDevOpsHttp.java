package com.infrakitchen.console.integration.azuredevops;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The only way the console talks HTTP to Azure DevOps (security.md 3.3–3.5). One shared OkHttp client:
 * no redirects followed (a 3xx is reported, and the token never travels to another host), no automatic
 * retries (one click, one request), connect/read/call timeouts, no proxy unless configured, no cookies, no
 * cache, addresses guarded. Bodies are capped; JSON is parsed only when the content type says JSON.
 */
@Component
public class AzureDevOpsHttp {

    static final String USER_AGENT = "InfraKitchen-Integrations-Console/1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient client;
    private final AddressGuard guard;
    private final AzureDevOpsProperties properties;

    AzureDevOpsHttp(AzureDevOpsProperties properties) {
        this.properties = properties;
        this.guard = new AddressGuard(Dns.SYSTEM, properties.allowPrivateAddresses());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .proxy(Proxy.NO_PROXY)
                .cache(null)
                .dns(guard)
                .dispatcher(dispatcher())
                .addNetworkInterceptor(AzureDevOpsHttp::noAutomaticRetry);
        if (properties.trustedCertificates() != null) {
            X509TrustManager trust = trustWithExtraCertificates(properties);
            builder.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
        }
        this.client = builder.build();
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

    /** The configured base URL, parsed. */
    HttpUrl baseUrl() {
        HttpUrl url = HttpUrl.get(properties.baseUrl().toString());
        return url;
    }

    /** A call of exactly this request (tests use it to send what a misbehaving proxy would). */
    Call newCall(Request request) {
        return client.newCall(request);
    }

    /** A GET with the headers a good client sends (azure-devops.md 2.3); {@code token} may be null. */
    Call newGet(HttpUrl url, String token, String session) {
        Request.Builder request = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header("X-TFS-FedAuthRedirect", "Suppress")
                .header("X-VSS-ForceMsaPassThrough", "true")
                .header("X-TFS-Session", session == null ? UUID.randomUUID().toString() : session)
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            request.header("Authorization", Credentials.basic("", token, StandardCharsets.UTF_8));
        }
        return client.newCall(request.build());
    }

    /** One request and what came of it: an answer, or the network failure; with its duration. */
    record Exchange(String url, AdoResponse response, IOException error, long durationMillis) {
    }

    /**
     * Sends the call on OkHttp's dispatcher and reads the answer safely. The future never fails: a network
     * failure is in {@link Exchange#error()}, untouched, for classification.
     */
    CompletableFuture<Exchange> send(Call call) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        String shown = redacted(call.request().url());
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
                    AdoResponse read = read(c, response, start);
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
        return read(call, call.execute(), start);
    }

    private AdoResponse read(Call call, Response r, long start) throws IOException {
        HttpUrl url = call.request().url();
        try (Response response = r) {
            ResponseBody body = response.body();
            String contentType = response.header("Content-Type");
            BufferedSource source = body.source();
            int cap = properties.maxBodyBytes();
            boolean truncated = source.request(cap + 1L);
            long available = Math.min(source.getBuffer().size(), cap);
            String text = source.getBuffer().readString(available, StandardCharsets.UTF_8);
            long millis = millisSince(start);
            JsonNode json = null;
            String message = null;
            String typeKey = null;
            if (!truncated && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/json") && !text.isBlank()) {
                try {
                    json = JSON.readTree(text);
                    message = textOf(json, "message");
                    typeKey = textOf(json, "typeKey");
                } catch (JacksonException e) {
                    json = null;
                }
            }
            return new AdoResponse(call.request().method(), redacted(url), response.code(), contentType, text,
                    truncated, message, typeKey, decode(response.header("X-TFS-ServiceError")),
                    response.header("ActivityId"), retryAfter(response.header("Retry-After") != null
                            ? response.header("Retry-After") : response.header(RETRY_AFTER_ZERO)),
                    response.header("Location"), String.join(", ", response.headers("WWW-Authenticate")), json,
                    millis);
        }
    }

    /** The URL as shown to users: never with user info (there is none: the token goes in a header). */
    static String redacted(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    static Long retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * OkHttp repeats a request by itself when a 503 says {@code Retry-After: 0}, whatever
     * {@code retryOnConnectionFailure} says (security.md 3.4, verified). A diagnostic must send one request per
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

    /** Cancels whatever is in flight when the application stops (security.md 6.3 H-19). */
    @PreDestroy
    void shutdown() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    private static X509TrustManager trustWithExtraCertificates(AzureDevOpsProperties properties) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int i = 0;
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("default-" + i++, ca);
                    }
                }
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            try (InputStream in = Files.newInputStream(properties.trustedCertificates())) {
                for (Certificate certificate : factory.generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + i++, certificate);
                }
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            for (TrustManager tm : combined.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("app.azure-devops.trusted-certificates (" + properties.trustedCertificates()
                    + ") could not be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
