package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Why the SSH check did not get through the egress proxy (decision 0018), as a table like {@link SessionFailures}:
 * each row is (the step it blames, when it applies, the category, how to say it), the first match decides, and each
 * row has its own test ({@code SshProxyFailuresTest}). Used only while the tunnel does not stand; once it does, the
 * SSH session's own failures are {@link SessionFailures}' as without a proxy.
 */
final class SshProxyFailures {

    /** Which step of the ladder a row blames: the proxy's name lookup, the TCP connect to it, or the proxy hop. */
    enum Where { DNS, TCP, PROXY }

    /**
     * What the checker saw of one attempt that did not get a tunnel.
     *
     * @param tcpConnected whether TCP reached the proxy
     * @param status       the status code of the proxy's answer to CONNECT, null when it sent none
     * @param statusLine   that answer's first line, printable, or ""
     * @param credentials  whether proxy credentials are configured
     * @param proxy        the proxy as {@code host:port}
     * @param target       where the tunnel was to go, "host port n"
     */
    record Facts(boolean tcpConnected, boolean cancelled, boolean timedOut, @Nullable Integer status,
            String statusLine, @Nullable Exception error, String described, boolean credentials, String proxy,
            String target, String connectTimeout) {

        boolean caused(Class<? extends Throwable> type) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Rule(String id, Where where, Predicate<Facts> when, CheckCategory category, Function<Facts, String> summary) {
    }

    record Classification(String rule, Where where, CheckCategory category, String summary) {
    }

    private static Predicate<Facts> tcp(Predicate<Facts> when) {
        return f -> !f.tcpConnected() && when.test(f);
    }

    private static Predicate<Facts> hop(Predicate<Facts> when) {
        return f -> f.tcpConnected() && when.test(f);
    }

    /** 407, or 401: also about the proxy's credentials (the target never sees CONNECT; Tinyproxy answers so). */
    private static boolean answered407(Facts f) {
        return f.status() != null && (f.status() == 407 || f.status() == 401);
    }

    static final List<Rule> RULES = List.of(
            new Rule("proxy-tcp-cancelled", Where.TCP, tcp(Facts::cancelled), CheckCategory.CANCELLED,
                    f -> "Cancelled."),
            new Rule("proxy-dns", Where.DNS, tcp(f -> f.caused(UnknownHostException.class)),
                    CheckCategory.PROXY_UNREACHABLE,
                    f -> "The proxy's host name in " + f.proxy() + " could not be resolved (app.outbound.proxy)."),
            new Rule("proxy-tcp-timeout", Where.TCP, tcp(f -> f.timedOut() || f.caused(SocketTimeoutException.class)),
                    CheckCategory.PROXY_TIMEOUT,
                    f -> "No connection to the proxy " + f.proxy() + " within " + f.connectTimeout() + "."),
            new Rule("proxy-refused", Where.TCP,
                    tcp(f -> f.caused(ConnectException.class) || f.caused(NoRouteToHostException.class)),
                    CheckCategory.PROXY_UNREACHABLE,
                    f -> "Nothing accepts connections at the proxy " + f.proxy() + " (" + f.described() + ")."),
            new Rule("proxy-tcp-other", Where.TCP, tcp(f -> true), CheckCategory.PROXY_UNREACHABLE,
                    f -> "Could not connect to the proxy " + f.proxy() + " (" + f.described() + ")."),
            new Rule("proxy-cancelled", Where.PROXY, hop(Facts::cancelled), CheckCategory.CANCELLED,
                    f -> "Cancelled."),
            new Rule("proxy-auth-missing", Where.PROXY, hop(f -> answered407(f) && !f.credentials()),
                    CheckCategory.PROXY_AUTHENTICATION_REQUIRED,
                    f -> "The proxy answered \"" + f.statusLine() + "\" to the request for a tunnel to " + f.target()
                            + ", and no proxy credentials are configured."),
            new Rule("proxy-auth-refused", Where.PROXY, hop(SshProxyFailures::answered407),
                    CheckCategory.PROXY_AUTHENTICATION_FAILED,
                    f -> "The proxy answered \"" + f.statusLine() + "\" to the request for a tunnel to " + f.target()
                            + " sent with the configured proxy credentials."),
            new Rule("proxy-connect-denied", Where.PROXY, hop(f -> f.status() != null && f.status() != 200),
                    CheckCategory.PROXY_CONNECT_DENIED,
                    f -> "The proxy refused to open a tunnel to " + f.target() + ": it answered \"" + f.statusLine()
                            + "\"."),
            new Rule("proxy-timeout", Where.PROXY, hop(f -> f.timedOut() || f.caused(SocketTimeoutException.class)),
                    CheckCategory.PROXY_TIMEOUT,
                    f -> "The proxy accepted the connection but did not answer the request for a tunnel to "
                            + f.target() + " within " + f.connectTimeout() + "."),
            new Rule("proxy-closed", Where.PROXY, hop(f -> true), CheckCategory.CONNECTION_RESET,
                    f -> "The proxy closed the connection without answering the request for a tunnel to " + f.target()
                            + " (" + f.described() + ")."));

    private SshProxyFailures() {
    }

    static Classification classify(Facts facts) {
        for (Rule rule : RULES) {
            if (rule.when().test(facts)) {
                return new Classification(rule.id(), rule.where(), rule.category(), rule.summary().apply(facts));
            }
        }
        throw new IllegalStateException("no row (the table must end with catch-alls)");
    }
}
