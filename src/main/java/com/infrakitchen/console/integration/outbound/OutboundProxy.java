package com.infrakitchen.console.integration.outbound;

import com.infrakitchen.console.secret.Secret;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The egress proxy, as every outbound client asks for it (decision 0018): {@link #forHost(String)} says how to reach
 * a host, through the administrator's HTTP proxy or directly ({@code app.outbound.no-proxy}, or no proxy configured).
 * Checked once, at start-up: a malformed setting stops the application with a report that names it
 * ({@link OutboundSettingsException}), because a proxy silently not used is a network headline on every test.
 *
 * <p>Only HTTP proxies that tunnel with CONNECT ({@code http://host:port}) are supported: the connection to the proxy
 * is plain, and TLS (or SSH) runs end to end inside the tunnel, so the proxy sees the target host and port, never
 * the token. The proxy's address is an administrator setting and may be private or loopback; the address guard
 * applies to the targets, not to it.
 *
 * <p>The optional credentials (HTTP Basic) are kept like every secret: the password is a {@link Secret}, never in
 * {@link #toString()}, a log line, an exception message or anything shown.
 */
@Component
public final class OutboundProxy {

    static final String PROXY = "app.outbound.proxy";
    static final String USERNAME = "app.outbound.proxy-username";
    static final String PASSWORD = "app.outbound.proxy-password";
    private static final String FORM = "http://host:port, as in http://proxy.corp.example:3128";

    private static final Logger log = LoggerFactory.getLogger(OutboundProxy.class);

    private final @Nullable String host;
    private final int port;
    private final @Nullable String username;
    private final @Nullable Secret password;
    private final NoProxyHosts noProxy;

    @Autowired
    public OutboundProxy(OutboundProperties settings) {
        String proxy = settings.proxy() == null ? "" : settings.proxy().strip();
        this.noProxy = NoProxyHosts.parse(settings.noProxy() == null ? "" : settings.noProxy());
        String user = settings.proxyUsername() == null || settings.proxyUsername().isBlank() ? null
                : settings.proxyUsername().strip();
        String pass = settings.proxyPassword() == null || settings.proxyPassword().isEmpty() ? null
                : settings.proxyPassword();
        if (proxy.isEmpty()) {
            if (user != null || pass != null) {
                throw new OutboundSettingsException("Proxy credentials are set (" + (user != null ? USERNAME : PASSWORD)
                        + ") but " + PROXY + " is empty.", "Set " + PROXY + " to " + FORM + ", or remove the"
                        + " credentials.");
            }
            this.host = null;
            this.port = -1;
            this.username = null;
            this.password = null;
            return;
        }
        URI uri = parse(proxy);
        this.host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort();
        checkCredentials(user, pass);
        this.username = user;
        this.password = pass == null ? null : Secret.of(pass);
        log.info("Outbound calls go through the HTTP proxy {}{}{}", label(),
                username != null ? " (with credentials)" : "",
                noProxy.isEmpty() ? "" : "; " + noProxy.size() + " no-proxy entries are reached directly");
    }

    /** No proxy: every host is reached directly. */
    public static OutboundProxy direct() {
        return new OutboundProxy(OutboundProperties.direct());
    }

    private static URI parse(String proxy) {
        if (proxy.contains("@")) {
            // the value is not repeated: it may hold a password
            throw new OutboundSettingsException(PROXY + " must not hold credentials (it contains '@').", "Write "
                    + PROXY + " as " + FORM + "; put the user name in " + USERNAME + " and the password in " + PASSWORD
                    + " (from the environment: APP_OUTBOUND_PROXYPASSWORD).");
        }
        String shown = "'" + NoProxyHosts.clip(proxy) + "'";
        URI uri;
        try {
            uri = new URI(proxy);
        } catch (URISyntaxException e) {
            throw malformed(shown + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque()) {
            // "proxy:3128" parses as the scheme "proxy"
            throw malformed(shown + " has no scheme");
        }
        if (scheme.equals("https")) {
            throw new OutboundSettingsException(PROXY + " is " + shown + ": a proxy reached over TLS (https://) is not"
                    + " supported.", "Write " + PROXY + " as " + FORM + ". The connections to Azure DevOps stay"
                    + " encrypted end to end: TLS and SSH run inside the proxy's CONNECT tunnel.");
        }
        if (!scheme.equals("http")) {
            throw new OutboundSettingsException(PROXY + " is " + shown + ": only HTTP proxies (http://, tunnelling"
                    + " with CONNECT) are supported, not " + scheme + "://.", "Write " + PROXY + " as " + FORM + ".");
        }
        if (uri.getHost() == null) {
            throw malformed(shown + " has no valid host name");
        }
        if (uri.getPort() < 0) {
            throw malformed(shown + " has no port (Squid listens on 3128 by default, many proxies on 8080)");
        }
        boolean path = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
        if (path || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw malformed(shown + " has a path, query or fragment: a proxy is a host and a port only");
        }
        return uri;
    }

    private static void checkCredentials(@Nullable String user, @Nullable String pass) {
        if ((user == null) != (pass == null)) {
            throw new OutboundSettingsException((user == null ? PASSWORD + " is set, but " + USERNAME
                    : USERNAME + " is set, but " + PASSWORD) + " is not.", "Set both (the password from the"
                    + " environment: APP_OUTBOUND_PROXYPASSWORD) or neither.");
        }
        if (user != null && (user.contains(":") || user.chars().anyMatch(Character::isISOControl))) {
            throw new OutboundSettingsException(USERNAME + " contains a colon or a control character, which HTTP"
                    + " Basic cannot carry.", "Set " + USERNAME + " to the proxy account's name only.");
        }
    }

    private static OutboundSettingsException malformed(String problem) {
        return new OutboundSettingsException(PROXY + " must be " + FORM + ": " + problem + ".", "Correct " + PROXY
                + " (or leave it empty to connect directly).");
    }

    /** Whether a proxy is configured at all. */
    public boolean configured() {
        return host != null;
    }

    /** Whether calls to {@code host} go through the proxy: one is configured and the host is not in no-proxy. */
    public boolean usedFor(String host) {
        return this.host != null && !noProxy.matches(host);
    }

    /**
     * How to reach {@code host}: {@link Proxy#NO_PROXY}, or the HTTP proxy. Its address is left unresolved, so that
     * the client resolves the proxy's name at each connection (a proxy behind a DNS name that moves keeps working).
     */
    public Proxy forHost(String host) {
        return usedFor(host) ? new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(this.host, port))
                : Proxy.NO_PROXY;
    }

    /** Whether {@code hostname} is the proxy's own host (the address guard does not apply to it). */
    public boolean isProxyHost(String hostname) {
        return host != null && host.equals(NoProxyHosts.normalise(hostname));
    }

    /** The proxy's host; only when {@link #configured()}. */
    public String host() {
        if (host == null) {
            throw new IllegalStateException("no proxy is configured");
        }
        return host;
    }

    public int port() {
        return port;
    }

    /** {@code host:port} ({@code [::1]:3128} for IPv6), as the ladder names the proxy; "" when none. */
    public String label() {
        if (host == null) {
            return "";
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public boolean hasCredentials() {
        return username != null;
    }

    public @Nullable String username() {
        return username;
    }

    /** A copy of the password (the caller wipes it), or null when no credentials are configured. */
    public @Nullable Secret password() {
        return password == null ? null : Secret.ofBytes(password.bytes());
    }

    public NoProxyHosts noProxy() {
        return noProxy;
    }

    /** Never the credentials. */
    @Override
    public String toString() {
        return host == null ? "OutboundProxy[direct]" : "OutboundProxy[" + label() + (username != null
                ? ", credentials configured" : "") + ", " + noProxy.size() + " no-proxy entries]";
    }
}
