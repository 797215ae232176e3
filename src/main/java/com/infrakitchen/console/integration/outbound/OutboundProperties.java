package com.infrakitchen.console.integration.outbound;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.outbound.*}: the egress proxy every outbound call goes through (decision 0018). Administrator
 * configuration only. Bound as plain text and checked by {@link OutboundProxy}, not here: a value refused while
 * binding would be printed by Spring Boot's start-up report, and a proxy URL may carry a password.
 *
 * @param proxy         {@code http://host:port} of an HTTP proxy that tunnels with CONNECT; empty: connect directly
 * @param proxyUsername the user name the proxy asks for (HTTP Basic); empty: none
 * @param proxyPassword its password, a secret: set it from the environment ({@code APP_OUTBOUND_PROXYPASSWORD}) or a
 *                      mounted configuration file, never on the command line. Never logged, never shown
 * @param noProxy       hosts reached directly, comma-separated: {@code host} (exactly that host) or {@code .suffix}
 *                      (that domain and every host under it), case-insensitive
 */
@ConfigurationProperties("app.outbound")
public record OutboundProperties(
        @DefaultValue("") String proxy,
        @Nullable String proxyUsername,
        @Nullable String proxyPassword,
        @DefaultValue("") String noProxy) {

    /** No proxy: every call connects directly (the default). */
    public static OutboundProperties direct() {
        return new OutboundProperties("", null, null, "");
    }

    /** Never the password, and not the proxy text either (it might hold credentials someone put in the URL). */
    @Override
    public String toString() {
        return "OutboundProperties[proxy " + (proxy == null || proxy.isBlank() ? "none" : "set") + ", username "
                + (proxyUsername == null || proxyUsername.isBlank() ? "none" : "set") + ", password "
                + (proxyPassword == null || proxyPassword.isEmpty() ? "none" : "****") + ", no-proxy "
                + (noProxy == null || noProxy.isBlank() ? "none" : "set") + "]";
    }
}
