package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.ConnectionEvents.Observed;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The network steps of a token check whose requests go through the egress proxy (decision 0018): "DNS lookup" (the
 * target, as the address guard resolved it, and the proxy's own name), "TCP connect" (to the proxy), the proxy hop
 * ("Proxy proxy.corp:3128": the CONNECT tunnel, or for plain HTTP the forwarding) and "TLS handshake" (end to end
 * with the target, inside the tunnel). A failure of the proxy gets the proxy's category: refused or unreachable,
 * timed out, 407 without or with credentials, CONNECT denied. Pure functions of what {@link ConnectionEvents} saw.
 */
final class ProxySteps {

    static final String STEP_PREFIX = "Proxy ";

    private ProxySteps() {
    }

    /** The proxy hop's step name: "Proxy proxy.corp:3128". */
    static String stepName(OutboundProxy proxy) {
        return STEP_PREFIX + proxy.label();
    }

    /** {@code order} with the proxy hop ("Proxy host:port") between TCP connect and TLS handshake. */
    static List<String> withHop(List<String> order, OutboundProxy proxy) {
        List<String> steps = new ArrayList<>(order);
        steps.add(steps.indexOf(NetworkSteps.STEP_TLS), stepName(proxy));
        return List.copyOf(steps);
    }

    static NetworkSteps.Outcome of(HttpUrl url, AzureDevOpsHttp.Exchange e, Observed o,
            @Nullable CheckCategory category, String org, Instant now, OutboundProxy proxy) {
        List<CheckStep> steps = new ArrayList<>();
        IOException error = e.error();
        String host = url.host();
        String proxyStep = stepName(proxy);
        boolean tunnel = o.secureStart() != 0 || o.acquired() || e.response() != null;

        // DNS lookup: the guard's lookup of the target, then the proxy's own name
        if (o.targetAddresses().isEmpty() && error != null) {
            steps.add(NetworkSteps.failed(NetworkSteps.STEP_DNS, category, error, org, " Nothing was sent to the"
                    + " proxy.", e));
            return new NetworkSteps.Outcome(steps, true, false, category);
        }
        String target = AddressGuard.isIpLiteral(host) ? host + " is an IP address the address guard allows"
                : host + (o.targetAddresses().isEmpty() ? " was resolved" : " resolved to "
                        + NetworkSteps.addresses(o.targetAddresses())) + " here, allowed by the address guard (the"
                        + " proxy makes its own lookup for the tunnel)";
        if (error instanceof ProxyRoutes.ProxyUnresolved) {
            steps.add(NetworkSteps.failed(NetworkSteps.STEP_DNS, CheckCategory.PROXY_UNREACHABLE, error, org, " "
                    + target + ".", e));
            return new NetworkSteps.Outcome(steps, true, false, CheckCategory.PROXY_UNREACHABLE);
        }
        String proxyName = AddressGuard.isIpLiteral(proxy.host()) || o.dnsEnd() == 0 ? ""
                : "; the proxy's name " + proxy.host() + " resolved to " + NetworkSteps.addresses(o.addresses());
        steps.add(new CheckStep(NetworkSteps.STEP_DNS, StepStatus.PASSED, target + proxyName + ".",
                o.dnsEnd() == 0 ? 0 : NetworkSteps.millis(o.dnsEnd() - o.dnsStart()), null));

        // TCP connect, to the proxy
        CheckCategory failure = error == null ? null : refine(error, tunnel, category, proxy.hasCredentials());
        boolean tcpFailed = !tunnel && error != null && !reachedProxy(error);
        InetSocketAddress at = o.connected() != null ? o.connected()
                : o.attempted().isEmpty() ? null : o.attempted().get(0);
        String where = at == null ? proxy.label() : NetworkSteps.where(at, url);
        if (tcpFailed) {
            steps.add(NetworkSteps.failed(NetworkSteps.STEP_TCP, failure, error, org, " The proxy is " + proxy.label()
                    + " (app.outbound.proxy).", e, o.connectStart(), o.failedAt()));
            return new NetworkSteps.Outcome(steps, true, false, failure);
        }
        steps.add(new CheckStep(NetworkSteps.STEP_TCP, StepStatus.PASSED, "Connected to the proxy " + where + ".", 0,
                null));

        // the proxy hop
        Integer status = e.response() == null ? null : e.response().status();
        if (status != null && status == 407) {
            // plain HTTP through the proxy: its 407 arrives as an answer (HTTPS gets it on CONNECT, an exception)
            CheckCategory auth = proxy.hasCredentials() ? CheckCategory.PROXY_AUTHENTICATION_FAILED
                    : CheckCategory.PROXY_AUTHENTICATION_REQUIRED;
            steps.add(new CheckStep(proxyStep, StepStatus.FAILED, auth.headline(org) + " (407).",
                    e.durationMillis(), e.response().details()));
            return new NetworkSteps.Outcome(steps, true, false, auth);
        }
        if (!tunnel) {
            steps.add(NetworkSteps.failed(proxyStep, failure, error, org, "", e, o.connectStart(), o.failedAt()));
            return new NetworkSteps.Outcome(steps, true, false, failure);
        }
        String hop = url.isHttps()
                ? proxy.label() + " opened a tunnel (HTTP CONNECT) to " + host + " port " + url.port() + "; TLS runs"
                        + " end to end inside it, so the proxy sees the host and port, not the requests."
                : proxy.label() + " forwards the requests to " + host + " port " + url.port() + " (plain HTTP: no"
                        + " tunnel, the proxy sees each request whole).";
        long hopMillis = o.connectStart() != 0 && o.secureStart() > o.connectStart()
                ? NetworkSteps.millis(o.secureStart() - o.connectStart()) : 0;
        steps.add(new CheckStep(proxyStep, StepStatus.PASSED, hop, hopMillis, null));

        return NetworkSteps.tls(url, e, o, category, org, now, steps);
    }

    /**
     * The category of a failure on the way through the proxy, before the tunnel stood: the proxy's, where the
     * exception says what the proxy did; else {@code category}.
     */
    static @Nullable CheckCategory refine(IOException error, boolean tunnel, @Nullable CheckCategory category,
            boolean credentials) {
        if (error instanceof ProxyRoutes.Refusal refusal) {
            return refusal.category();
        }
        if (tunnel || category == CheckCategory.CANCELLED || category == CheckCategory.ADDRESS_NOT_ALLOWED) {
            return category;
        }
        Integer status = connectStatus(error);
        if (status != null) {
            return connectCategory(status, credentials);
        }
        if (error instanceof SocketTimeoutException || category == CheckCategory.TIMEOUT) {
            return CheckCategory.PROXY_TIMEOUT;
        }
        if (error instanceof ConnectException || error instanceof NoRouteToHostException) {
            return CheckCategory.PROXY_UNREACHABLE;
        }
        return category;
    }

    /** Whether the failure came after TCP reached the proxy (it answered, or was waited for, after connecting). */
    private static boolean reachedProxy(IOException error) {
        if (error instanceof ProxyRoutes.ProxyAuthentication || connectDenied(error)) {
            return true;
        }
        if (error instanceof SocketTimeoutException || error instanceof InterruptedIOException) {
            // a connect that timed out says so ("Connect timed out"); any other timeout waited for the proxy's answer
            return !String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
        }
        return !(error instanceof ConnectException || error instanceof NoRouteToHostException);
    }

    /** OkHttp's words for a CONNECT answered with anything but 200 or 407. */
    static boolean connectDenied(IOException error) {
        return connectStatus(error) != null;
    }

    /** The status of a CONNECT answered with anything but 200 or 407 (OkHttp's message names it), else null. */
    static @Nullable Integer connectStatus(IOException error) {
        Matcher m = CONNECT_STATUS.matcher(String.valueOf(error.getMessage()));
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * What a CONNECT's refusal means. 401 is about the proxy's credentials too: the target never sees a CONNECT, and
     * Tinyproxy answers a wrong password so. Anything else is the proxy's policy (or, 5xx, its own way out).
     */
    static CheckCategory connectCategory(int status, boolean credentials) {
        if (status == 401 || status == 407) {
            return credentials ? CheckCategory.PROXY_AUTHENTICATION_FAILED : CheckCategory.PROXY_AUTHENTICATION_REQUIRED;
        }
        return CheckCategory.PROXY_CONNECT_DENIED;
    }

    private static final Pattern CONNECT_STATUS =
            Pattern.compile("Unexpected response code for CONNECT: (\\d{3}).*");
}
