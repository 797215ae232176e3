package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Why an SSH session or its Git request failed, as a table (house style: like {@code ResponseClassifier} for
 * HTTP): each row is (the step it blames, when it applies, the category, how to say it), the first row that
 * matches decides, and each row has its own test ({@code SessionFailuresTest}). The facts come from the checker:
 * whether TCP connected, what the host key check said, what the server sent first, the exception and whether a
 * time bound or the user ended the attempt. Stderr of a Git request that ran is {@link RemoteMessages}' table.
 */
final class SessionFailures {

    /** Where the attempt was when it failed. */
    enum Phase {
        /** {@code session.connect} failed; whether TCP connected is in the facts. */
        CONNECT,
        /** The Git request ({@code git-upload-pack}) threw after sign-in. */
        REQUEST
    }

    /**
     * What the checker saw of one failed attempt. Strings are for messages and never hold key material: JSch's and
     * the JDK's messages name hosts, ports and algorithms only.
     *
     * @param tcpConnected     whether the TCP connection was made
     * @param hostKeyResult    {@link HostKeyRepository#OK}, {@code NOT_INCLUDED} or {@code CHANGED}; -1 if not checked
     * @param receivedAnything whether the server sent any byte
     * @param firstLine        the first line the server sent (its SSH greeting, or whatever it was)
     * @param described        the exception as one line
     */
    record Facts(Phase phase, boolean tcpConnected, boolean cancelled, boolean timedOut, int hostKeyResult,
            boolean receivedAnything, String firstLine, @Nullable Exception error, String described, Context context) {

        boolean hostKeyChecked() {
            return hostKeyResult >= 0;
        }

        boolean caused(Class<? extends Throwable> type) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }

        boolean authMessage() {
            String message = error == null ? "" : String.valueOf(error.getMessage());
            return message.startsWith("Auth fail") || message.startsWith("Auth cancel");
        }
    }

    /**
     * What messages name: where the check connected, the host keys ({@code hostKeyName} is the name they are
     * known under, {@code [host]:port} off port 22), the key, the bounds.
     */
    record Context(String where, String host, @Nullable String hostKeyName, String user, @Nullable String presentedKey,
            String trustedKeys, @Nullable String keyDescription, @Nullable String keyFingerprint, String connectTimeout,
            String timeout, @Nullable String command) {

        /** What the messages of one attempt name; {@code hostKeys} and {@code key} are null before they are known. */
        static Context of(WatchedSockets sockets, SshProperties properties, @Nullable HostKeyWatch hostKeys,
                @Nullable ParsedKey key, @Nullable String command) {
            return new Context(SshNetworkSteps.where(sockets, properties), properties.host(),
                    hostKeys == null ? properties.host() : hostKeys.host(), properties.user(),
                    hostKeys == null ? null : hostKeys.presentedKey(),
                    hostKeys == null ? "" : String.join(", ", hostKeys.trustedFingerprints()),
                    key == null ? null : key.description(), key == null ? null : key.sha256Fingerprint(),
                    SshFormat.seconds(properties.connectTimeout()), SshFormat.seconds(properties.timeout()), command);
        }
    }

    /**
     * {@code error}: what Details shows as the error; by default the exception as one line; null for no Details (a
     * cancellation after the connection was made).
     */
    record Rule(String id, String step, Predicate<Facts> when, CheckCategory category,
            Function<Facts, String> summary, Function<Facts, @Nullable String> error) {
    }

    record Classification(String rule, String step, CheckCategory category, String summary, @Nullable String error) {
    }

    private static Rule row(String id, String step, Predicate<Facts> when, CheckCategory category,
            Function<Facts, String> summary) {
        return new Rule(id, step, when, category, summary, Facts::described);
    }

    private static Rule row(String id, String step, Predicate<Facts> when, CheckCategory category,
            Function<Facts, String> summary, Function<Facts, @Nullable String> error) {
        return new Rule(id, step, when, category, summary, error);
    }

    private static Predicate<Facts> connect(Predicate<Facts> when) {
        return f -> f.phase() == Phase.CONNECT && when.test(f);
    }

    private static Predicate<Facts> tcp(Predicate<Facts> when) {
        return connect(f -> !f.tcpConnected() && when.test(f));
    }

    /** Connected, host key not yet judged: the greeting and key exchange. */
    private static Predicate<Facts> handshake(Predicate<Facts> when) {
        return connect(f -> f.tcpConnected() && !f.hostKeyChecked() && when.test(f));
    }

    /** The host key was the trusted one: sign-in. */
    private static Predicate<Facts> signIn(Predicate<Facts> when) {
        return connect(f -> f.tcpConnected() && f.hostKeyResult() == HostKeyRepository.OK && when.test(f));
    }

    private static Predicate<Facts> request(Predicate<Facts> when) {
        return f -> f.phase() == Phase.REQUEST && when.test(f);
    }

    private static String closed(Facts f) {
        return ". The connection was closed before the key was used.";
    }


    static final List<Rule> RULES = List.of(
            // TCP: nothing answered.
            row("tcp-cancelled", SshChecker.STEP_TCP, tcp(Facts::cancelled), CheckCategory.CANCELLED,
                    f -> "Cancelled."),
            row("tcp-dns", SshChecker.STEP_DNS, tcp(f -> f.caused(UnknownHostException.class)),
                    CheckCategory.DNS_FAILURE,
                    f -> "The host name " + f.context().host() + " could not be resolved."),
            row("tcp-timeout", SshChecker.STEP_TCP, tcp(f -> f.caused(SocketTimeoutException.class)),
                    CheckCategory.TIMEOUT,
                    f -> "No connection to " + f.context().where() + " within " + f.context().connectTimeout() + "."),
            row("tcp-refused", SshChecker.STEP_TCP,
                    tcp(f -> f.caused(ConnectException.class) || f.caused(NoRouteToHostException.class)),
                    CheckCategory.CONNECTION_REFUSED,
                    f -> "Nothing accepts connections on " + f.context().where() + " (" + f.described() + ")."),
            row("tcp-other", SshChecker.STEP_TCP, tcp(f -> true), CheckCategory.NETWORK_ERROR,
                    f -> "Could not connect to " + f.context().where() + " (" + f.described() + ")."),
            // Connected, then cancelled: blame the step that was running.
            row("cancelled-handshake", SshChecker.STEP_HOST_KEY,
                    connect(f -> f.tcpConnected() && f.cancelled() && !f.hostKeyChecked()), CheckCategory.CANCELLED,
                    f -> "Cancelled.", f -> null),
            row("cancelled-sign-in", SshChecker.STEP_AUTH,
                    connect(f -> f.tcpConnected() && f.cancelled() && f.hostKeyChecked()), CheckCategory.CANCELLED,
                    f -> "Cancelled.", f -> null),
            // The host key: never accepted unless it is a trusted one (docs/security.md 3.7).
            row("host-key-changed", SshChecker.STEP_HOST_KEY,
                    connect(f -> f.hostKeyResult() == HostKeyRepository.CHANGED
                            || f.error() instanceof JSchChangedHostKeyException
                            || f.error() instanceof JSchRevokedHostKeyException),
                    CheckCategory.SSH_HOST_KEY_CHANGED,
                    f -> "The server presented the host key " + f.context().presentedKey() + ", but the trusted key"
                            + " for " + f.context().hostKeyName() + " is " + (f.context().trustedKeys().isEmpty()
                                    ? "another one" : f.context().trustedKeys())
                            + (f.error() instanceof JSchRevokedHostKeyException
                                    ? " (the presented key is marked @revoked)" : "") + closed(f),
                    f -> "presented " + f.context().presentedKey() + "; trusted " + f.context().trustedKeys()),
            row("host-key-unknown", SshChecker.STEP_HOST_KEY,
                    connect(f -> f.hostKeyResult() == HostKeyRepository.NOT_INCLUDED
                            || f.error() instanceof JSchUnknownHostKeyException),
                    CheckCategory.SSH_HOST_KEY_UNKNOWN,
                    f -> "The server presented the host key " + f.context().presentedKey() + ", which is not among"
                            + " the trusted host keys for " + f.context().hostKeyName() + " (" + HostKeyWatch.SOURCE + ")"
                            + closed(f),
                    f -> "presented " + f.context().presentedKey()),
            // Greeting and key exchange.
            row("handshake-timeout", SshChecker.STEP_HOST_KEY,
                    handshake(f -> f.timedOut() || f.caused(SocketTimeoutException.class)), CheckCategory.TIMEOUT,
                    f -> "The server accepted the connection but did not complete the SSH handshake within "
                            + f.context().connectTimeout() + (f.receivedAnything()
                                    ? " (it sent \"" + f.firstLine() + "\")." : "; it sent nothing.")),
            row("handshake-algorithms", SshChecker.STEP_HOST_KEY,
                    handshake(f -> f.error() instanceof JSchAlgoNegoFailException),
                    CheckCategory.SSH_ALGORITHM_MISMATCH, f -> {
                        JSchAlgoNegoFailException nego = (JSchAlgoNegoFailException) f.error();
                        return "No common " + nego.getAlgorithmName() + " algorithm: the server offers "
                                + nego.getServerProposal() + "; InfraKitchen accepts " + nego.getJSchProposal() + ".";
                    }),
            row("handshake-silent-close", SshChecker.STEP_HOST_KEY, handshake(f -> !f.receivedAnything()),
                    CheckCategory.CONNECTION_RESET,
                    f -> "The server closed the connection without a word (" + f.described() + ")."),
            row("handshake-not-ssh", SshChecker.STEP_HOST_KEY, handshake(f -> !f.firstLine().startsWith("SSH-")),
                    CheckCategory.SSH_PROTOCOL_ERROR,
                    f -> "The server answered \"" + f.firstLine() + "\" instead of an SSH greeting."),
            row("handshake-broken", SshChecker.STEP_HOST_KEY, handshake(f -> f.caused(SocketException.class)),
                    CheckCategory.CONNECTION_RESET,
                    f -> "The connection broke during the SSH handshake (" + f.described() + ")."),
            row("handshake-other", SshChecker.STEP_HOST_KEY, handshake(f -> true), CheckCategory.SSH_PROTOCOL_ERROR,
                    f -> "The SSH handshake with " + f.firstLine() + " failed: " + f.described() + "."),
            // Sign-in, after a trusted host key.
            row("sign-in-timeout", SshChecker.STEP_AUTH,
                    signIn(f -> f.timedOut() || f.caused(SocketTimeoutException.class)), CheckCategory.TIMEOUT,
                    f -> "The server did not finish the sign-in within " + f.context().connectTimeout() + "."),
            row("sign-in-refused", SshChecker.STEP_AUTH, signIn(Facts::authMessage), CheckCategory.SSH_AUTH_FAILED,
                    f -> "The server refused the " + f.context().keyDescription() + "-bit key "
                            + f.context().keyFingerprint() + " for user " + f.context().user() + " (" + f.described()
                            + ")."),
            row("sign-in-broken", SshChecker.STEP_AUTH,
                    signIn(f -> f.caused(SocketException.class) || f.caused(IOException.class)),
                    CheckCategory.CONNECTION_RESET,
                    f -> "The connection broke during sign-in (" + f.described() + ")."),
            row("sign-in-other", SshChecker.STEP_AUTH, signIn(f -> true), CheckCategory.SSH_PROTOCOL_ERROR,
                    f -> "Sign-in failed: " + f.described() + "."),
            // The Git request threw (its refusals on stderr are RemoteMessages' table).
            row("request-cancelled", SshChecker.STEP_REPOSITORY, request(Facts::cancelled), CheckCategory.CANCELLED,
                    f -> "Cancelled."),
            row("request-timeout", SshChecker.STEP_REPOSITORY,
                    request(f -> f.timedOut() || f.caused(SocketTimeoutException.class)), CheckCategory.TIMEOUT,
                    f -> "The server signed the key in but did not answer " + f.context().command() + " within "
                            + f.context().timeout() + "."),
            row("request-broken", SshChecker.STEP_REPOSITORY, request(f -> f.caused(IOException.class)),
                    CheckCategory.CONNECTION_RESET, f -> "The Git request failed: " + f.described() + "."),
            row("request-other", SshChecker.STEP_REPOSITORY, request(f -> true), CheckCategory.SSH_UNEXPECTED_RESPONSE,
                    f -> "The Git request failed: " + f.described() + "."));

    private SessionFailures() {
    }

    /** The exception as one line: JSch's and the JDK's messages name hosts, ports and algorithms, never keys. */
    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage();
        if (root != e && (message == null || message.startsWith("Session.connect: ") || message.contains(
                root.getClass().getName()))) {
            message = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return PktLines.clip(message == null ? e.getClass().getSimpleName() : message);
    }

    static Classification classify(Facts facts) {
        for (Rule rule : RULES) {
            if (rule.when().test(facts)) {
                return new Classification(rule.id(), rule.step(), rule.category(), rule.summary().apply(facts),
                        rule.error().apply(facts));
            }
        }
        throw new IllegalStateException("no row for " + facts.phase() + " (the table must end with catch-alls)");
    }
}
