package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.infrakitchen.console.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * The egress proxy on the HTTPS client (decision 0018). Without one configured: {@link Proxy#NO_PROXY} and the
 * guarding {@link Dns}, exactly as before. With one, four parts:
 * <ul>
 * <li>a {@link ProxySelector} that asks {@link OutboundProxy#forHost} for each host (no-proxy hosts go direct);</li>
 * <li>a {@link Dns} that resolves the proxy's own name without the address guard (the proxy is the administrator's
 * choice and is often private) and guards every other name;</li>
 * <li>{@link TargetGuard}: through an HTTP proxy OkHttp never resolves the target (the proxy does), so the guarding
 * {@code Dns} would never see it. The interceptor resolves the target itself and refuses a private one before the
 * request leaves, exactly as for a direct connection;</li>
 * <li>{@link ProxyCredentials}: HTTP Basic to the proxy, only in answer to the proxy's own 407 and only once.</li>
 * </ul>
 */
final class ProxyRoutes {

    private ProxyRoutes() {
    }

    /** Configures {@code builder} for {@code outbound}; {@code dns} is what the guard resolves with. */
    static void apply(OkHttpClient.Builder builder, OutboundProxy outbound, AddressGuard guard, Dns dns) {
        if (!outbound.configured()) {
            builder.proxy(Proxy.NO_PROXY).dns(guard);
            return;
        }
        builder.proxySelector(new Selector(outbound))
                .dns(hostname -> {
                    if (!outbound.isProxyHost(hostname)) {
                        return guard.lookup(hostname);
                    }
                    try {
                        return dns.lookup(hostname);
                    } catch (UnknownHostException e) {
                        throw new ProxyUnresolved(hostname);
                    }
                })
                .proxyAuthenticator(new ProxyCredentials(outbound))
                .addInterceptor(new TargetGuard(guard, outbound, null));
    }

    /** A failure the proxy caused, with its category (see {@link TransportFailures}). */
    interface Refusal {
        CheckCategory category();
    }

    /** The proxy's host name did not resolve: nothing was sent. */
    static final class ProxyUnresolved extends UnknownHostException implements Refusal {
        ProxyUnresolved(String host) {
            super("the proxy's host name " + host + " could not be resolved");
        }

        @Override
        public CheckCategory category() {
            return CheckCategory.PROXY_UNREACHABLE;
        }
    }

    /** The proxy answered 407 and there is no (further) answer to give. Never holds the credentials. */
    static final class ProxyAuthentication extends IOException implements Refusal {
        private final CheckCategory category;

        ProxyAuthentication(String message, CheckCategory category) {
            super(message);
            this.category = category;
        }

        @Override
        public CheckCategory category() {
            return category;
        }
    }

    /** The target's name did not resolve here, so the address guard could not judge it and nothing was sent. */
    static final class TargetUnresolved extends UnknownHostException {
        TargetUnresolved(String host) {
            super(host + " could not be resolved here; the address guard resolves the target before the proxy is"
                    + " asked");
        }
    }

    private static final class Selector extends ProxySelector {
        private final OutboundProxy outbound;

        Selector(OutboundProxy outbound) {
            this.outbound = outbound;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return List.of(outbound.forHost(uri.getHost() == null ? "" : uri.getHost()));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // nothing to learn: there is one proxy, and a failed check says why
        }
    }

    /**
     * Resolves a proxied target (and a target named like the proxy, which the {@code Dns} would not guard) with the
     * address guard before the request is sent; {@code seen} learns the addresses, for the ladder.
     */
    static final class TargetGuard implements Interceptor {
        private final AddressGuard guard;
        private final OutboundProxy outbound;
        private final @Nullable BiConsumer<Call, List<InetAddress>> seen;

        TargetGuard(AddressGuard guard, OutboundProxy outbound, @Nullable BiConsumer<Call, List<InetAddress>> seen) {
            this.guard = guard;
            this.outbound = outbound;
            this.seen = seen;
        }

        /** The same guard, telling {@code seen} what it resolved. */
        TargetGuard reporting(BiConsumer<Call, List<InetAddress>> seen) {
            return new TargetGuard(guard, outbound, seen);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            String host = chain.request().url().host();
            if (outbound.usedFor(host) || outbound.isProxyHost(host)) {
                List<InetAddress> addresses;
                try {
                    if (AddressGuard.isIpLiteral(host)) {
                        guard.checkLiteral(host);
                        addresses = List.of(InetAddress.getByName(host));
                    } else {
                        addresses = guard.lookup(host);
                    }
                } catch (AddressNotAllowedException refused) {
                    throw refused;
                } catch (UnknownHostException e) {
                    throw new TargetUnresolved(host);
                }
                if (seen != null) {
                    seen.accept(chain.call(), addresses);
                }
            }
            return chain.proceed(chain.request());
        }
    }

    /**
     * HTTP Basic to the proxy. OkHttp asks first with a made-up challenge ("OkHttp-Preemptive") before every tunnel:
     * that is declined, so credentials go only to a proxy that asked for them. A real 407 from the configured proxy
     * is answered once; a second 407 to the answered request means the credentials were refused. The password is
     * revealed only to build the header, and wiped.
     */
    static final class ProxyCredentials implements Authenticator {
        private final OutboundProxy outbound;

        ProxyCredentials(OutboundProxy outbound) {
            this.outbound = outbound;
        }

        @Override
        public @Nullable Request authenticate(@Nullable Route route, Response response) throws IOException {
            if (response.code() != 407 || "OkHttp-Preemptive".equalsIgnoreCase(response.header("Proxy-Authenticate"))) {
                return null;
            }
            if (route == null || !isConfiguredProxy(route.proxy())) {
                return null;
            }
            String label = outbound.label();
            if (!outbound.hasCredentials()) {
                throw new ProxyAuthentication("the proxy " + label + " asked for credentials (407), and none are"
                        + " configured", CheckCategory.PROXY_AUTHENTICATION_REQUIRED);
            }
            if (response.request().header("Proxy-Authorization") != null) {
                throw new ProxyAuthentication("the proxy " + label + " refused the configured credentials (407)",
                        CheckCategory.PROXY_AUTHENTICATION_FAILED);
            }
            List<Challenge> challenges = response.challenges();
            if (challenges.stream().noneMatch(c -> "Basic".equalsIgnoreCase(c.scheme()))) {
                throw new ProxyAuthentication("the proxy " + label + " asks for " + schemes(challenges)
                        + " sign-in (407); InfraKitchen answers only Basic", CheckCategory.PROXY_AUTHENTICATION_FAILED);
            }
            Secret password = outbound.password();
            try {
                return response.request().newBuilder().header("Proxy-Authorization",
                        Credentials.basic(outbound.username(), password.reveal(), StandardCharsets.UTF_8)).build();
            } finally {
                password.wipe();
            }
        }

        private boolean isConfiguredProxy(Proxy proxy) {
            return proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress a
                    && outbound.isProxyHost(a.getHostString()) && a.getPort() == outbound.port();
        }

        private static String schemes(List<Challenge> challenges) {
            return challenges.isEmpty() ? "an unnamed kind of"
                    : String.join(" or ", challenges.stream().map(c -> AdoResponse.clip(c.scheme())).toList());
        }
    }
}
