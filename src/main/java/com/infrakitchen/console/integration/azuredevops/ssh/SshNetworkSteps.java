package com.infrakitchen.console.integration.azuredevops.ssh;

import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.nanosToMillis;

import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How the SSH check words its network steps: the DNS lookup {@link WatchedSockets} made on the way to the one
 * connection of the check, and the host key found among the trusted ones. Pure functions of what was seen.
 */
final class SshNetworkSteps {

    private SshNetworkSteps() {
    }

    /** The lookup that succeeded (an IP address needs none: skipped, saying so). */
    static CheckStep dns(WatchedSockets sockets, String host) {
        if (isIpLiteral(host)) {
            return CheckStep.skipped(SshChecker.STEP_DNS, host + " is an IP address: there is nothing to resolve.");
        }
        List<InetAddress> found = sockets.addresses();
        String addresses = found.stream().map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", "));
        return new CheckStep(SshChecker.STEP_DNS, StepStatus.PASSED, host + " resolved to " + addresses
                + (found.size() > 1 ? "; the check connects to the first." : "."),
                nanosToMillis(sockets.resolvedAt() - sockets.lookupStartedAt()), null);
    }

    /** The lookup failed, or the attempt ended before it; {@code summary} is the failure table's. */
    static CheckStep dnsFailed(WatchedSockets sockets, String summary) {
        long started = sockets.lookupStartedAt();
        return new CheckStep(SshChecker.STEP_DNS, StepStatus.FAILED, summary,
                started == 0 ? 0 : nanosToMillis(System.nanoTime() - started), null);
    }

    /** The host key step when the presented key is a trusted one. */
    static CheckStep hostKeyPassed(HostKeyWatch hostKeys, WatchedSockets sockets) {
        return new CheckStep(SshChecker.STEP_HOST_KEY, StepStatus.PASSED, hostKeyTrusted(hostKeys),
                nanosToMillis(hostKeys.checkedAt() - sockets.sshStartedAt()), null);
    }

    /**
     * The network steps once the connection was made: through the egress proxy its steps (SshProxySteps), else the
     * DNS lookup and the TCP connection.
     */
    static List<CheckStep> passed(WatchedSockets sockets, @Nullable SshTunnel tunnel, SshProperties properties) {
        return tunnel != null ? SshProxySteps.passed(sockets, tunnel, properties)
                : List.of(dns(sockets, properties.host()), tcpPassed(sockets, properties));
    }

    /** The TCP step when the connection was made. */
    static CheckStep tcpPassed(WatchedSockets sockets, SshProperties properties) {
        return new CheckStep(SshChecker.STEP_TCP, StepStatus.PASSED, "Connected to " + where(sockets, properties)
                + ".", nanosToMillis(sockets.connectedAt() - sockets.resolvedAt()), null);
    }

    /** "host (address) port n", the address only when it says more than the host. */
    static String where(WatchedSockets sockets, SshProperties properties) {
        String address = sockets.address() == null ? null : sockets.address().getHostAddress();
        return properties.host() + (address == null || address.equals(properties.host()) ? "" : " (" + address
                + ")") + " port " + properties.port();
    }

    /** The presented host key's fingerprint, matched against the trusted set for the host. */
    static String hostKeyTrusted(HostKeyWatch hostKeys) {
        int trusted = hostKeys.trustedFingerprints().size();
        return "The server's host key " + hostKeys.presentedKey() + " matches "
                + (trusted <= 1 ? "the key" : "one of the " + trusted + " keys") + " trusted for " + hostKeys.host()
                + " (" + HostKeyWatch.SOURCE + ").";
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
