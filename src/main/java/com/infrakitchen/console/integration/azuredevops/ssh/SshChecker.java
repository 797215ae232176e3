package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.IntegrationRules;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckCategory;
import com.infrakitchen.console.integration.check.CheckOutcome;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SSH key check (azure-devops.md 8 and 11 step 6, security.md 3.7, product.md 5.3): the key is read and judged
 * locally; then one JSch session to the configured host with only that key, the host key checked strictly against
 * the configured known hosts, and {@code git-upload-pack 'v3/{org}/{project}/{repo}'} executed. Only a reference
 * advertisement proves the key: Azure DevOps accepts any RSA key at sign-in and decides when a repository is asked
 * for, so a successful sign-in or a shell greeting is never reported as success.
 *
 * <p>Each step is timed. Time is bounded three ways: the TCP connect by {@code connectTimeout}; greeting, key
 * exchange and authentication together by {@code connectTimeout} again; the Git request by {@code timeout}. A
 * watchdog closes the session when a bound passes (a server that answers keep-alives but nothing else would
 * otherwise hold the session forever), and cancelling closes it at once.
 *
 * <p>The decisive exchange is reported in {@link HttpDetails} with method {@code SSH}: the URL is
 * {@code ssh://user@host[:port]/v3/…}, the status is the remote exit status when one came, the server message is
 * the remote stderr, and the error holds fingerprints or the library's message (never key material).
 */
@Component
public class SshChecker implements com.infrakitchen.console.integration.check.KeyConnectionChecker {

    static final String STEP_LOCAL = "Local key checks";
    static final String STEP_TCP = "TCP connect";
    static final String STEP_HOST_KEY = "SSH host key";
    static final String STEP_AUTH = "SSH authentication";
    static final String STEP_REPOSITORY = "Repository (git-upload-pack)";
    static final List<String> STEPS = List.of(STEP_LOCAL, STEP_TCP, STEP_HOST_KEY, STEP_AUTH, STEP_REPOSITORY);

    /** RSA host keys and user signatures with SHA-2 only: never {@code ssh-rsa} (SHA-1), never a silent downgrade. */
    static final String RSA_SHA2 = "rsa-sha2-512,rsa-sha2-256";

    /**
     * The JSch session settings of every check (security.md 3.7, X-04): strict host key checking against the
     * configured keys only, public key authentication only, RSA with SHA-2 only.
     */
    static final Map<String, String> SESSION_CONFIG = sessionConfig();

    private static final int STDERR_MAX_BYTES = 8 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SshChecker.class);

    private final SshProperties properties;
    private final Clock clock;

    SshChecker(SshProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private static Map<String, String> sessionConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("StrictHostKeyChecking", "yes");
        config.put("HashKnownHosts", "no");
        config.put("PreferredAuthentications", "publickey");
        config.put("server_host_key", RSA_SHA2);
        config.put("PubkeyAcceptedAlgorithms", RSA_SHA2);
        config.put("ClearAllForwardings", "yes");
        return Map.copyOf(config);
    }

    /** Runs one test; blocking, meant for a background thread. Never throws for a failed connection. */
    @Override
    public CheckResult check(com.infrakitchen.console.integration.check.KeyCheckInput input,
            Cancellation cancellation) {
        return check(SshCheckInput.withTestRepository(input.organization(), input.testRepository(),
                input.privateKey(), input.passphrase(), input.fingerprint()), cancellation);
    }

    public CheckResult check(SshCheckInput input, Cancellation cancellation) {
        return new Run(input, cancellation).run();
    }

    /**
     * A session to the configured host, configured as every check configures it, not yet connected. Package-private
     * so that a test can assert its settings (X-04).
     */
    Session newSession(JSch jsch, HostKeyRepository hostKeys, WatchedSockets sockets) throws JSchException {
        Session session = jsch.getSession(properties.user(), properties.host(), properties.port());
        SESSION_CONFIG.forEach(session::setConfig);
        session.setHostKeyRepository(hostKeys);
        session.setSocketFactory(sockets);
        session.setTimeout(millis(properties.timeout()));
        session.setDaemonThread(true);
        return session;
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private final class Run {
        private final SshCheckInput input;
        private final Cancellation cancellation;
        private final String org;
        private final String project;
        private final String repository;
        private final Instant startedAt = clock.instant();
        private final long start = System.nanoTime();
        private final List<CheckStep> steps = new ArrayList<>();
        private volatile Session session;
        private volatile WatchedSockets sockets;
        private volatile String timedOutIn;
        private volatile CompletableFuture<Void> watchdog;

        Run(SshCheckInput input, Cancellation cancellation) {
            this.input = input;
            this.cancellation = cancellation;
            this.org = input.organization() == null ? "" : input.organization().strip();
            this.project = input.project() == null ? "" : input.project().strip();
            this.repository = input.repository() == null ? "" : input.repository().strip();
        }

        CheckResult run() {
            ParsedKey key = null;
            JSch jsch = new JSch();
            try {
                long t = System.nanoTime();
                Optional<String> orgProblem = IntegrationRules.organizationProblem(org);
                if (orgProblem.isPresent()) {
                    return failLocal(orgProblem.get(), CheckCategory.INVALID_ORGANIZATION_NAME, t);
                }
                Optional<String> repoProblem = SshCheckInput.repositoryProblem(project, repository);
                if (repoProblem.isPresent()) {
                    return failLocal(repoProblem.get(), CheckCategory.SSH_NO_REPOSITORY, t);
                }
                if (input.privateKey() == null || input.privateKey().length() == 0) {
                    return failLocal("No SSH private key was given.", CheckCategory.SSH_NO_KEY, t);
                }
                try {
                    key = SshKeys.parseForCheck(input.privateKey(), input.passphrase());
                } catch (SshKeyRuleViolation v) {
                    String why = v.getMessage();
                    return failLocal(why.endsWith(".") ? why : why + ".", category(v.problem()), t);
                }
                steps.add(new CheckStep(STEP_LOCAL, StepStatus.PASSED, "An " + key.description() + "-bit key, "
                        + key.sha256Fingerprint() + " (" + key.md5Fingerprint() + ")"
                        + (key.encrypted() ? ", encrypted; the passphrase decrypts it" : "") + ". Test repository: "
                        + project + "/" + repository + ".", since(t), null));
                return connectAndAsk(jsch, key);
            } catch (RuntimeException e) {
                log.warn("SSH check of organization {} failed unexpectedly: {}", clean(org), e.getClass().getName());
                return done(CheckCategory.INTERNAL_ERROR, null);
            } finally {
                disarm();
                Session s = session;
                if (s != null) {
                    s.disconnect();
                }
                try {
                    jsch.removeAllIdentity();
                } catch (JSchException e) {
                    // nothing left to clear
                }
                if (key != null) {
                    key.wipe();
                }
            }
        }

        private CheckResult failLocal(String why, CheckCategory category, long t) {
            steps.add(new CheckStep(STEP_LOCAL, StepStatus.FAILED, why, since(t), null));
            return done(category, null);
        }

        private CheckResult connectAndAsk(JSch jsch, ParsedKey key) {
            HostKeyWatch hostKeys;
            try {
                jsch.setKnownHosts(new ByteArrayInputStream(
                        properties.knownHostsText().getBytes(StandardCharsets.UTF_8)));
                hostKeys = new HostKeyWatch(jsch.getHostKeyRepository());
                addIdentity(jsch, key);
                sockets = new WatchedSockets(millis(properties.connectTimeout()),
                        () -> arm(properties.connectTimeout(), STEP_HOST_KEY));
                session = newSession(jsch, hostKeys, sockets);
            } catch (JSchException | RuntimeException e) {
                log.warn("SSH check could not be prepared: {}", e.getClass().getName());
                steps.add(new CheckStep(STEP_TCP, StepStatus.FAILED, "The SSH client could not be prepared ("
                        + e.getClass().getSimpleName() + "); see the server log.", 0, null));
                return done(CheckCategory.INTERNAL_ERROR, null);
            }
            cancellation.onCancel(this::abort);
            if (cancellation.isCancelled()) {
                return done(CheckCategory.CANCELLED, null);
            }
            long t = System.nanoTime();
            try {
                session.connect(millis(properties.connectTimeout()));
            } catch (JSchException e) {
                disarm();
                return connectFailed(e, hostKeys, key, t);
            }
            disarm();
            long authenticated = System.nanoTime();
            steps.add(tcpPassed(t));
            steps.add(new CheckStep(STEP_HOST_KEY, StepStatus.PASSED, "The server's host key " + hostKeys.presentedKey()
                    + " is the trusted one for " + hostKeys.host() + ".", nanosToMillis(hostKeys.checkedAt()
                    - sockets.connectedAt()), null));
            steps.add(new CheckStep(STEP_AUTH, StepStatus.PASSED, "The server let user " + properties.user()
                    + " sign in with the key. This alone proves nothing: Azure DevOps accepts any RSA key here and"
                    + " decides when a repository is asked for.", nanosToMillis(authenticated - hostKeys.checkedAt()),
                    null));
            return askRepository(key);
        }

        private void addIdentity(JSch jsch, ParsedKey key) throws JSchException {
            byte[] privateKey = key.privateKeyBytes();
            // a decrypted key needs no passphrase: the key derivation ran once, in parseForCheck
            byte[] passphrase = key.encrypted() && !key.decrypted() && input.passphrase() != null
                    ? input.passphrase().bytes() : null;
            try {
                jsch.addIdentity("ssh-key", privateKey, null, passphrase);
            } finally {
                SshKeys.wipe(privateKey);
                SshKeys.wipe(passphrase);
            }
        }

        // ---- connect failures -----------------------------------------------------------------------------

        private CheckResult connectFailed(JSchException e, HostKeyWatch hostKeys, ParsedKey key, long t) {
            boolean connected = sockets.connected();
            Exception cause = !connected && sockets.failure() != null ? sockets.failure() : e;
            SessionFailures.Facts facts = new SessionFailures.Facts(SessionFailures.Phase.CONNECT, connected,
                    cancellation.isCancelled(), timedOutIn != null, hostKeys.checked() ? hostKeys.result() : -1,
                    sockets.receivedAnything(), sockets.firstLine(), cause, describe(e), context(hostKeys, key));
            SessionFailures.Classification c = SessionFailures.classify(facts);
            if (!connected) {
                steps.add(new CheckStep(STEP_TCP, StepStatus.FAILED, c.summary(), since(t), null));
            } else {
                steps.add(tcpPassed(t));
                long connectedAt = sockets.connectedAt();
                if (STEP_AUTH.equals(c.step())) {
                    if (c.category() != CheckCategory.CANCELLED) {
                        steps.add(new CheckStep(STEP_HOST_KEY, StepStatus.PASSED, "The server's host key "
                                + hostKeys.presentedKey() + " is the trusted one for " + hostKeys.host() + ".",
                                nanosToMillis(hostKeys.checkedAt() - connectedAt), null));
                    }
                    steps.add(new CheckStep(STEP_AUTH, StepStatus.FAILED, c.summary(), c.category()
                            == CheckCategory.CANCELLED ? since(connectedAt) : since(hostKeys.checkedAt()), null));
                } else {
                    steps.add(new CheckStep(c.step(), StepStatus.FAILED, c.summary(), since(connectedAt), null));
                }
            }
            skipAfter(c.step());
            return done(c.category(), c.error() == null ? null : details(null, null, c.error()));
        }

        private SessionFailures.Context context(HostKeyWatch hostKeys, ParsedKey key) {
            return new SessionFailures.Context(where(), properties.host(),
                    hostKeys == null ? properties.host() : hostKeys.host(), properties.user(),
                    hostKeys == null ? null : hostKeys.presentedKey(),
                    hostKeys == null ? "" : String.join(", ", hostKeys.trustedFingerprints()),
                    key == null ? null : key.description(), key == null ? null : key.sha256Fingerprint(),
                    seconds(properties.connectTimeout()), seconds(properties.timeout()), null);
        }

        private CheckStep tcpPassed(long t) {
            return new CheckStep(STEP_TCP, StepStatus.PASSED, "Connected to " + where() + ".",
                    nanosToMillis(sockets.connectedAt() - t), null);
        }

        /** "host (address) port n", the address only when it says more than the host. */
        private String where() {
            String address = sockets.address() == null ? null : sockets.address().getHostAddress();
            return properties.host() + (address == null || address.equals(properties.host()) ? "" : " (" + address
                    + ")") + " port " + properties.port();
        }

        // ---- the Git request ------------------------------------------------------------------------------

        private CheckResult askRepository(ParsedKey key) {
            String path = "v3/" + urlPath(org) + "/" + urlPath(project) + "/" + urlPath(repository);
            String command = "git-upload-pack '" + path + "'";
            String url = "ssh://" + properties.user() + "@" + properties.host()
                    + (properties.port() == 22 ? "" : ":" + properties.port()) + "/" + path;
            long t = System.nanoTime();
            arm(properties.timeout(), STEP_REPOSITORY);
            ChannelExec channel = null;
            Stderr stderr = null;
            try {
                channel = (ChannelExec) session.openChannel("exec");
                channel.setCommand(command);
                InputStream out = channel.getInputStream();
                InputStream err = channel.getErrStream();
                OutputStream in = channel.getOutputStream();
                channel.connect(millis(properties.timeout()));
                stderr = new Stderr(err);
                PktLines.Advertisement advertisement = PktLines.read(out);
                if (advertisement.flush() || advertisement.truncated()) {
                    endRequest(in);
                }
                if (advertisement.provesAccess()) {
                    disarm();
                    steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.PASSED, proof(advertisement), since(t),
                            null));
                    return done(CheckCategory.CONNECTED, null);
                }
                boolean bareFlush = advertisement.flush() && advertisement.error() == null
                        && advertisement.unexpected() == null;
                long deadline = t + properties.timeout().toNanos();
                long wait = bareFlush ? deadline : Math.min(deadline, System.nanoTime() + 2_000_000_000L);
                String remote = stderr.await(nanosToMillis(wait - System.nanoTime()));
                Integer exit = awaitExit(channel, wait);
                disarm();
                if (bareFlush && remote.isBlank() && exit != null && exit == 0) {
                    // Git's own upload-pack (protocol v0) answers an empty repository with a flush alone.
                    steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.PASSED, "The server sent an empty reference"
                            + " list for " + project + "/" + repository + " and ended cleanly: the repository exists"
                            + " and is empty. The key may read it.", since(t), null));
                    return done(CheckCategory.CONNECTED, null);
                }
                return refused(advertisement, remote, exit, url, key, t);
            } catch (JSchException | IOException e) {
                disarm();
                String remote = stderr == null ? "" : stderr.await(0);
                SessionFailures.Classification c = SessionFailures.classify(new SessionFailures.Facts(
                        SessionFailures.Phase.REQUEST, true, cancellation.isCancelled(), timedOutIn != null,
                        HostKeyRepository.OK, true, sockets.firstLine(), e, describe(e),
                        new SessionFailures.Context(where(), properties.host(), properties.host(), properties.user(),
                                null, "",
                                key.description(), key.sha256Fingerprint(), seconds(properties.connectTimeout()),
                                seconds(properties.timeout()), command)));
                steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, c.summary(), since(t), null));
                return done(c.category(), details(url, remote, c.error()));
            } finally {
                if (channel != null) {
                    channel.disconnect();
                }
            }
        }

        private CheckResult refused(PktLines.Advertisement advertisement, String remote, Integer exit, String url,
                ParsedKey key, long t) {
            if (cancellation.isCancelled()) {
                steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, "Cancelled.", since(t), null));
                return done(CheckCategory.CANCELLED, null);
            }
            if (timedOutIn != null) {
                steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, "The server signed the key in but did"
                        + " not answer the Git request within " + seconds(properties.timeout()) + ".", since(t), null));
                return done(CheckCategory.TIMEOUT, details(url, remote, null));
            }
            String message = advertisement.error() != null ? advertisement.error() + "\n" + remote : remote;
            Optional<RemoteMessages.Rule> rule = RemoteMessages.classify(message);
            CheckCategory category;
            String summary;
            if (rule.isPresent()) {
                category = rule.get().category();
                summary = rule.get().summary().replace("{repo}", project + "/" + repository)
                        .replace("{md5}", key.md5Hex());
            } else {
                category = CheckCategory.SSH_UNEXPECTED_RESPONSE;
                summary = advertisement.unexpected() != null
                        ? "Instead of a Git reference list the server sent \"" + advertisement.unexpected() + "\"."
                        : "The server sent no Git reference list" + (exit == null ? "" : " (exit status " + exit + ")")
                                + (remote.isBlank() ? "." : "; its message is shown below.");
            }
            steps.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, summary, since(t), null));
            String error = advertisement.unexpected() != null ? "unexpected output: " + advertisement.unexpected()
                    : null;
            return done(category, new HttpDetails("SSH", url, exit, null, blankToNull(message.strip()), null, null,
                    null, error));
        }

        private String proof(PktLines.Advertisement advertisement) {
            String where = project + "/" + repository;
            if (advertisement.refs() == 0) {
                return "The server sent the reference list of " + where + ": the repository exists and is empty."
                        + " The key may read it.";
            }
            return "The server sent the reference list of " + where + " (" + advertisement.refs()
                    + (advertisement.truncated() ? "+" : "") + " reference" + (advertisement.refs() == 1 ? "" : "s")
                    + (advertisement.headTarget() != null ? "; HEAD is " + advertisement.headTarget() : "")
                    + "). The key may read it.";
        }

        /** The remote exit status once the channel has closed, waiting until {@code deadline}; null if none came. */
        private Integer awaitExit(ChannelExec channel, long deadline) {
            while (!channel.isClosed() && System.nanoTime() < deadline && !cancellation.isCancelled()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return channel.isClosed() && channel.getExitStatus() >= 0 ? channel.getExitStatus() : null;
        }

        private void endRequest(OutputStream in) {
            try {
                in.write(PktLines.FLUSH);
                in.flush();
                in.close();
            } catch (IOException e) {
                // the server may already have closed; nothing was going to be fetched anyway
            }
        }

        // ---- time bounds and cancellation -----------------------------------------------------------------

        private void arm(Duration bound, String phase) {
            disarm();
            watchdog = CompletableFuture.runAsync(() -> {
                timedOutIn = phase;
                abort();
            }, CompletableFuture.delayedExecutor(Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS));
        }

        private void disarm() {
            CompletableFuture<Void> w = watchdog;
            if (w != null) {
                w.cancel(false);
            }
        }

        /** Closes everything now: the session, and the socket beneath it (which may still be connecting). */
        private void abort() {
            WatchedSockets s = sockets;
            if (s != null) {
                s.close();
            }
            Session current = session;
            if (current != null) {
                current.disconnect();
            }
        }

        // ---- result -----------------------------------------------------------------------------------------

        private void skipAfter(String failedStep) {
            for (int i = STEPS.indexOf(failedStep) + 1; i < STEPS.size(); i++) {
                steps.add(CheckStep.skipped(STEPS.get(i), "Not run: an earlier step decided the result."));
            }
        }

        private HttpDetails details(String url, String remote, String error) {
            String target = url != null ? url : "ssh://" + properties.user() + "@" + properties.host()
                    + (properties.port() == 22 ? "" : ":" + properties.port());
            return new HttpDetails("SSH", target, null, null, blankToNull(remote), null, null, null, error);
        }

        private CheckResult done(CheckCategory category, HttpDetails decisive) {
            if (cancellation.isCancelled()) {
                category = CheckCategory.CANCELLED;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CheckResult(category, org, null, null, null, steps,
                    category.outcome() == CheckOutcome.FAILED ? decisive : null, startedAt, millis,
                    input.fingerprint());
        }
    }

    /** Reads the remote stderr concurrently (so the channel never stalls on it), keeping the first 8 KiB. */
    private static final class Stderr {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Stderr(InputStream err) {
            reader = Thread.ofVirtual().name("ssh-check-stderr").start(() -> {
                byte[] buffer = new byte[1024];
                try {
                    int n;
                    while ((n = err.read(buffer)) >= 0) {
                        synchronized (bytes) {
                            int room = STDERR_MAX_BYTES - bytes.size();
                            if (room > 0) {
                                bytes.write(buffer, 0, Math.min(room, n));
                            }
                        }
                    }
                } catch (IOException e) {
                    // the channel closed; what arrived is kept
                }
            });
        }

        /** What arrived, after waiting up to {@code millis} for the stream to end. */
        String await(long millis) {
            if (millis > 0) {
                try {
                    reader.join(Duration.ofMillis(millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    static CheckCategory category(SshKeyRuleViolation.Problem problem) {
        return switch (problem) {
            case MISSING -> CheckCategory.SSH_NO_KEY;
            case UNSUPPORTED_TYPE, TOO_SMALL -> CheckCategory.SSH_UNSUPPORTED_KEY_TYPE;
            case PASSPHRASE_REQUIRED -> CheckCategory.SSH_PASSPHRASE_REQUIRED;
            case WRONG_PASSPHRASE -> CheckCategory.SSH_WRONG_PASSPHRASE;
            case TOO_LARGE, PUBLIC_KEY, PUTTY, INVALID, UNSUPPORTED_ENCRYPTION -> CheckCategory.SSH_INVALID_KEY;
        };
    }

    /** Spaces as Azure DevOps writes them in SSH URLs ({@code Fabrikam%20Fiber}); other characters are as typed. */
    static String urlPath(String name) {
        return name.replace(" ", "%20");
    }

    /** The exception as one line: JSch's and the JDK's messages name hosts, ports and algorithms, never keys. */
    private static String describe(Exception e) {
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

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static long since(long nanos) {
        return nanosToMillis(System.nanoTime() - nanos);
    }

    private static long nanosToMillis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
