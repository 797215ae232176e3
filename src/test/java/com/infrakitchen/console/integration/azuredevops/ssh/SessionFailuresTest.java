package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.azuredevops.ssh.SessionFailures.Context;
import com.infrakitchen.console.integration.azuredevops.ssh.SessionFailures.Facts;
import com.infrakitchen.console.integration.azuredevops.ssh.SessionFailures.Phase;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchFailures;
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
 * The SSH failure table, row by row (like {@code ResponseClassifierTest}): each case is what the checker sees of
 * one failed attempt, and the rule, step and category it must get. The last test proves every row is exercised.
 */
class SessionFailuresTest {

    private static final Set<String> USED = new HashSet<>();
    static final Context CONTEXT = new Context("ssh.dev.azure.com (20.1.2.3) port 22", "ssh.dev.azure.com",
            "ssh.dev.azure.com", "git",
            "SHA256:presented", "SHA256:trusted", "RSA 4096", "SHA256:userkey", "10 s", "10 s",
            "git-upload-pack 'v3/contoso/Web/web-app'");
    static final int UNCHECKED = -1;

    static Facts tcp(Exception e, boolean cancelled) {
        return new Facts(Phase.CONNECT, false, cancelled, false, UNCHECKED, false, null, e, describe(e), CONTEXT);
    }

    static Facts connected(Exception e, int hostKey, boolean received, String firstLine, boolean timedOut,
            boolean cancelled) {
        return new Facts(Phase.CONNECT, true, cancelled, timedOut, hostKey, received, firstLine, e, describe(e),
                CONTEXT);
    }

    static Facts request(Exception e, boolean timedOut, boolean cancelled) {
        return new Facts(Phase.REQUEST, true, cancelled, timedOut, HostKeyRepository.OK, true, "SSH-2.0-x", e,
                describe(e), CONTEXT);
    }

    static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static JSchException jsch(String message, Throwable cause) {
        return new JSchException(message, cause);
    }

    static Stream<Arguments> rows() {
        String ssh = "SSH-2.0-SSHBlackbox.10";
        return Stream.of(
                Arguments.of(tcp(jsch("Session.connect: x", new ConnectException("refused")), true), "tcp-cancelled",
                        SshChecker.STEP_TCP, CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(tcp(jsch("x", new UnknownHostException("nowhere.example")), false), "tcp-dns",
                        SshChecker.STEP_DNS, CheckCategory.DNS_FAILURE, "could not be resolved"),
                Arguments.of(tcp(jsch("timeout: socket is not established", new SocketTimeoutException()), false),
                        "tcp-timeout", SshChecker.STEP_TCP, CheckCategory.TIMEOUT, "within 10 s"),
                Arguments.of(tcp(new ConnectException("Connection refused"), false), "tcp-refused",
                        SshChecker.STEP_TCP, CheckCategory.CONNECTION_REFUSED, "Nothing accepts connections on"),
                Arguments.of(tcp(new SocketException("Network is unreachable"), false), "tcp-other",
                        SshChecker.STEP_TCP, CheckCategory.NETWORK_ERROR, "Could not connect to"),
                Arguments.of(connected(jsch("Session.connect: closed", null), UNCHECKED, true, ssh, false, true),
                        "cancelled-handshake", SshChecker.STEP_HOST_KEY, CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(connected(jsch("Auth cancel", null), HostKeyRepository.OK, true, ssh, false, true),
                        "cancelled-sign-in", SshChecker.STEP_AUTH, CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(connected(JSchFailures.changedHostKey(), HostKeyRepository.CHANGED, true, ssh, false,
                        false), "host-key-changed", SshChecker.STEP_HOST_KEY, CheckCategory.SSH_HOST_KEY_CHANGED,
                        "but the trusted key for ssh.dev.azure.com is SHA256:trusted"),
                Arguments.of(connected(JSchFailures.revokedHostKey(), HostKeyRepository.OK, true, ssh, false, false),
                        "host-key-changed", SshChecker.STEP_HOST_KEY, CheckCategory.SSH_HOST_KEY_CHANGED,
                        "marked @revoked"),
                Arguments.of(connected(JSchFailures.unknownHostKey(), HostKeyRepository.NOT_INCLUDED, true, ssh,
                        false, false), "host-key-unknown", SshChecker.STEP_HOST_KEY,
                        CheckCategory.SSH_HOST_KEY_UNKNOWN, "is not among the trusted host keys"),
                Arguments.of(connected(jsch("timeout", null), UNCHECKED, false, null, true, false),
                        "handshake-timeout", SshChecker.STEP_HOST_KEY, CheckCategory.TIMEOUT, "it sent nothing."),
                Arguments.of(connected(JSchFailures.algorithmNegotiation("server_host_key", "rsa-sha2-512,rsa-sha2-256",
                        "ssh-rsa"), UNCHECKED, true, ssh, false, false), "handshake-algorithms",
                        SshChecker.STEP_HOST_KEY, CheckCategory.SSH_ALGORITHM_MISMATCH,
                        "No common server_host_key algorithm: the server offers ssh-rsa"),
                Arguments.of(connected(jsch("connection is closed by foreign host", null), UNCHECKED, false, null,
                        false, false), "handshake-silent-close", SshChecker.STEP_HOST_KEY,
                        CheckCategory.CONNECTION_RESET, "without a word"),
                Arguments.of(connected(jsch("invalid server's version string", null), UNCHECKED, true,
                        "HTTP/1.1 400 Bad Request", false, false), "handshake-not-ssh", SshChecker.STEP_HOST_KEY,
                        CheckCategory.SSH_PROTOCOL_ERROR, "instead of an SSH greeting"),
                Arguments.of(connected(jsch("x", new SocketException("Connection reset")), UNCHECKED, true, ssh,
                        false, false), "handshake-broken", SshChecker.STEP_HOST_KEY, CheckCategory.CONNECTION_RESET,
                        "broke during the SSH handshake"),
                Arguments.of(connected(jsch("Packet corrupt", null), UNCHECKED, true, ssh, false, false),
                        "handshake-other", SshChecker.STEP_HOST_KEY, CheckCategory.SSH_PROTOCOL_ERROR,
                        "The SSH handshake with " + ssh + " failed"),
                Arguments.of(connected(jsch("x", new SocketTimeoutException("Read timed out")), HostKeyRepository.OK,
                        true, ssh, false, false), "sign-in-timeout", SshChecker.STEP_AUTH, CheckCategory.TIMEOUT,
                        "did not finish the sign-in within 10 s"),
                Arguments.of(connected(jsch("Auth fail for methods 'publickey'", null), HostKeyRepository.OK, true, ssh,
                        false, false), "sign-in-refused", SshChecker.STEP_AUTH, CheckCategory.SSH_AUTH_FAILED,
                        "refused the RSA 4096-bit key SHA256:userkey for user git"),
                Arguments.of(connected(jsch("x", new IOException("Pipe closed")), HostKeyRepository.OK, true, ssh,
                        false, false), "sign-in-broken", SshChecker.STEP_AUTH, CheckCategory.CONNECTION_RESET,
                        "broke during sign-in"),
                Arguments.of(connected(jsch("UserAuth Fail", null), HostKeyRepository.OK, true, ssh, false, false),
                        "sign-in-other", SshChecker.STEP_AUTH, CheckCategory.SSH_PROTOCOL_ERROR, "Sign-in failed"),
                Arguments.of(request(jsch("channel is not opened.", null), false, true), "request-cancelled",
                        SshChecker.STEP_REPOSITORY, CheckCategory.CANCELLED, "Cancelled."),
                Arguments.of(request(jsch("channel is not opened.", null), true, false), "request-timeout",
                        SshChecker.STEP_REPOSITORY, CheckCategory.TIMEOUT,
                        "did not answer git-upload-pack 'v3/contoso/Web/web-app' within 10 s"),
                Arguments.of(request(new IOException("Pipe closed"), false, false), "request-broken",
                        SshChecker.STEP_REPOSITORY, CheckCategory.CONNECTION_RESET, "The Git request failed"),
                Arguments.of(request(jsch("channel request: failure", null), false, false), "request-other",
                        SshChecker.STEP_REPOSITORY, CheckCategory.SSH_UNEXPECTED_RESPONSE, "The Git request failed"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rows")
    void eachRowDecidesItsCase(Facts facts, String rule, String step, CheckCategory category, String says) {
        var c = SessionFailures.classify(facts);
        assertThat(c.rule()).isEqualTo(rule);
        assertThat(c.step()).isEqualTo(step);
        assertThat(c.category()).isEqualTo(category);
        assertThat(c.summary()).contains(says);
        USED.add(rule);
    }

    @AfterAll
    static void everyRowIsExercised() {
        Set<String> all = new HashSet<>();
        SessionFailures.RULES.forEach(r -> all.add(r.id()));
        assertThat(USED).containsAll(all);
    }
}
