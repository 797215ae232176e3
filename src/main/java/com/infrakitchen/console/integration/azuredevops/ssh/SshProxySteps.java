package com.infrakitchen.console.integration.azuredevops.ssh;

import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.nanosToMillis;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.seconds;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.since;

import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the SSH check words its network steps through the egress proxy (decision 0018): "DNS lookup" and "TCP connect"
 * are the proxy's (the proxy resolves and reaches the SSH host itself), then the proxy hop, "Proxy host:port" (the
 * CONNECT tunnel), before the SSH host key. Pure functions of what {@link WatchedSockets} and {@link SshTunnel} saw.
 */
final class SshProxySteps {

    private SshProxySteps() {
    }

    /** The proxy hop's step name: "Proxy proxy.corp:3128". */
    static String stepName(OutboundProxy proxy) {
        return "Proxy " + proxy.label();
    }

    /** {@code order} with the proxy hop between TCP connect and the SSH host key. */
    static List<String> withHop(List<String> order, OutboundProxy proxy) {
        List<String> steps = new ArrayList<>(order);
        steps.add(steps.indexOf(SshChecker.STEP_HOST_KEY), stepName(proxy));
        return List.copyOf(steps);
    }

    /** The three steps once the tunnel stands: the proxy's lookup, the connection to it, the tunnel. */
    static List<CheckStep> passed(WatchedSockets sockets, SshTunnel tunnel, SshProperties properties) {
        return List.of(dns(sockets, tunnel, properties), tcp(sockets, tunnel),
                new CheckStep("Proxy " + tunnel.label(), StepStatus.PASSED, tunnel.label() + " opened a tunnel (HTTP"
                        + " CONNECT) to " + target(properties) + " (\"" + tunnel.statusLine() + "\"); SSH runs end to end"
                        + " inside it, and the host key is checked as always.",
                        nanosToMillis(tunnel.establishedAt() - sockets.connectedAt()), null));
    }

    /** The steps and category of an attempt that got no tunnel; {@code error} is what JSch threw. */
    record Failure(List<CheckStep> steps, CheckCategory category, String error) {
    }

    static Failure failed(WatchedSockets sockets, SshTunnel tunnel, boolean cancelled, boolean timedOut,
            Exception error, SshProperties properties) {
        Exception cause = tunnel.failure() != null ? tunnel.failure() : error;
        String described = SessionFailures.describe(cause);
        SshProxyFailures.Classification c = SshProxyFailures.classify(new SshProxyFailures.Facts(sockets.connected(),
                cancelled, timedOut, tunnel.status(), tunnel.statusLine(), cause, described, tunnel.credentials(),
                tunnel.label(), target(properties), seconds(properties.connectTimeout())));
        String summary = c.summary();
        List<CheckStep> steps = new ArrayList<>();
        switch (c.where()) {
            case DNS -> steps.add(new CheckStep(SshChecker.STEP_DNS, StepStatus.FAILED, summary,
                    since(sockets.lookupStartedAt()), null));
            case TCP -> {
                steps.add(dns(sockets, tunnel, properties));
                steps.add(new CheckStep(SshChecker.STEP_TCP, StepStatus.FAILED, summary, since(sockets.resolvedAt()),
                        null));
            }
            case PROXY -> {
                steps.add(dns(sockets, tunnel, properties));
                steps.add(tcp(sockets, tunnel));
                steps.add(new CheckStep("Proxy " + tunnel.label(), StepStatus.FAILED, summary,
                        since(sockets.connectedAt()), null));
            }
        }
        String shown = tunnel.statusLine().isEmpty() ? described : tunnel.statusLine() + "; " + described;
        return new Failure(steps, c.category(), shown);
    }

    private static CheckStep dns(WatchedSockets sockets, SshTunnel tunnel, SshProperties properties) {
        String proxyHost = tunnel.label().substring(0, tunnel.label().lastIndexOf(':'));
        String theProxy = SshNetworkSteps.isIpLiteral(proxyHost.replace("[", "").replace("]", ""))
                ? "The proxy " + proxyHost + " is an IP address"
                : "The proxy's name " + proxyHost + " resolved to " + addresses(sockets.addresses());
        return new CheckStep(SshChecker.STEP_DNS, StepStatus.PASSED, theProxy + "; the proxy resolves "
                + properties.host() + " itself.", nanosToMillis(sockets.resolvedAt() - sockets.lookupStartedAt()),
                null);
    }

    private static CheckStep tcp(WatchedSockets sockets, SshTunnel tunnel) {
        @Nullable InetAddress address = sockets.address();
        return new CheckStep(SshChecker.STEP_TCP, StepStatus.PASSED, "Connected to the proxy " + tunnel.label()
                + (address == null ? "" : " (" + address.getHostAddress() + ")") + ".",
                nanosToMillis(sockets.connectedAt() - sockets.resolvedAt()), null);
    }

    private static String target(SshProperties properties) {
        return properties.host() + " port " + properties.port();
    }

    private static String addresses(List<InetAddress> found) {
        return found.stream().map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
    }
}
