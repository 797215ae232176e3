package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.azuredevops.ssh.SshProxyFailures.Facts;
import com.infrakitchen.console.integration.azuredevops.ssh.SshProxyFailures.Where;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SSH check's proxy failure table, row by row (like {@code SessionFailuresTest}): what the checker saw of an
 * attempt that got no tunnel, and the rule, step and category it must get. The last test proves every row is used.
 */
class SshProxyFailuresTest {

    private static final Set<String> USED = new HashSet<>();

    static Facts tcp(Exception e, boolean cancelled, boolean timedOut) {
        return facts(false, cancelled, timedOut, null, "", e, false);
    }

    static Facts answered(Integer status, String line, Exception e, boolean credentials) {
        return facts(true, false, false, status, line, e, credentials);
    }

    static Facts facts(boolean tcp, boolean cancelled, boolean timedOut, Integer status, String line, Exception e,
            boolean credentials) {
        return new Facts(tcp, cancelled, timedOut, status, line, e, e.getClass().getSimpleName() + ": "
                + e.getMessage(), credentials, "proxy.corp:3128", "ssh.dev.azure.com port 22", "10 s");
    }

    static JSchException proxyError(String reason) {
        return new JSchException("ProxyHTTP: java.io.IOException: proxy error: " + reason,
                new IOException("proxy error: " + reason));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(tcp(new ConnectException("refused"), true, false), "proxy-tcp-cancelled", Where.TCP,
                        CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(tcp(new JSchException("x", new UnknownHostException("proxy.corp")), false, false),
                        "proxy-dns", Where.DNS, CheckCategory.PROXY_UNREACHABLE, "could not be resolved"),
                Arguments.of(tcp(new SocketTimeoutException("Connect timed out"), false, false), "proxy-tcp-timeout",
                        Where.TCP, CheckCategory.PROXY_TIMEOUT, "No connection to the proxy proxy.corp:3128 within 10 s"),
                Arguments.of(tcp(new SocketException("closed"), false, true), "proxy-tcp-timeout", Where.TCP,
                        CheckCategory.PROXY_TIMEOUT, "within 10 s"),
                Arguments.of(tcp(new ConnectException("Connection refused"), false, false), "proxy-refused",
                        Where.TCP, CheckCategory.PROXY_UNREACHABLE, "Nothing accepts connections at the proxy"),
                Arguments.of(tcp(new SocketException("Network is unreachable"), false, false), "proxy-tcp-other",
                        Where.TCP, CheckCategory.PROXY_UNREACHABLE, "Could not connect to the proxy"),
                Arguments.of(facts(true, true, false, null, "", new SocketException("closed"), false),
                        "proxy-cancelled", Where.PROXY, CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(answered(407, "HTTP/1.0 407 Proxy Authentication Required",
                        proxyError("Proxy Authentication Required"), false), "proxy-auth-missing", Where.PROXY,
                        CheckCategory.PROXY_AUTHENTICATION_REQUIRED, "no proxy credentials are configured"),
                Arguments.of(answered(407, "HTTP/1.1 407 Proxy Authentication Required",
                        proxyError("Proxy Authentication Required"), true), "proxy-auth-refused", Where.PROXY,
                        CheckCategory.PROXY_AUTHENTICATION_FAILED, "sent with the configured proxy credentials"),
                Arguments.of(answered(401, "HTTP/1.0 401 Unauthorized", proxyError("Unauthorized"), true),
                        "proxy-auth-refused", Where.PROXY, CheckCategory.PROXY_AUTHENTICATION_FAILED,
                        "\"HTTP/1.0 401 Unauthorized\""),
                Arguments.of(answered(403, "HTTP/1.0 403 Access violation", proxyError("Access violation"), true),
                        "proxy-connect-denied", Where.PROXY, CheckCategory.PROXY_CONNECT_DENIED,
                        "refused to open a tunnel to ssh.dev.azure.com port 22: it answered \"HTTP/1.0 403"),
                Arguments.of(answered(502, "HTTP/1.1 502 Bad Gateway", proxyError("Bad Gateway"), false),
                        "proxy-connect-denied", Where.PROXY, CheckCategory.PROXY_CONNECT_DENIED, "502 Bad Gateway"),
                Arguments.of(answered(null, "", new JSchException("ProxyHTTP: x",
                        new SocketTimeoutException("Read timed out")), false), "proxy-timeout", Where.PROXY,
                        CheckCategory.PROXY_TIMEOUT, "did not answer the request for a tunnel"),
                Arguments.of(answered(null, "", new JSchException("ProxyHTTP: java.io.IOException",
                        new IOException()), false), "proxy-closed", Where.PROXY, CheckCategory.CONNECTION_RESET,
                        "closed the connection without answering"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rows")
    void eachRowDecides(Facts facts, String rule, Where where, CheckCategory category, String summary) {
        SshProxyFailures.Classification c = SshProxyFailures.classify(facts);
        USED.add(c.rule());
        assertThat(c.rule()).isEqualTo(rule);
        assertThat(c.where()).isEqualTo(where);
        assertThat(c.category()).isEqualTo(category);
        assertThat(c.summary()).contains(summary);
    }

    @AfterAll
    static void everyRowIsExercised() {
        assertThat(USED).containsExactlyInAnyOrderElementsOf(SshProxyFailures.RULES.stream()
                .map(SshProxyFailures.Rule::id).toList());
    }
}
