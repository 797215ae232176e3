package com.infrakitchen.console.integration.azuredevops.ssh;

import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.clean;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.nanosToMillis;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.seconds;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.since;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckLadder;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSH key check (docs/azure-devops.md 8 and 11 step 6, docs/security.md 3.7, docs/product.md 5.3): the key is read and judged
 * locally; then one JSch session to the configured host with only that key, the host key checked strictly against
 * the configured known hosts, and {@code git-upload-pack 'v3/{org}/{project}/{repo}'} executed. Only a reference
 * advertisement proves the key: Azure DevOps accepts any RSA key at sign-in and decides when a repository is asked
 * for, so a successful sign-in or a shell greeting is never reported as success.
 *
 * <p>The steps are a ladder ({@link #STEPS}, worded with {@link SshNetworkSteps}): each is reported as it is added,
 * and after a failed one the rest are "Not reached".
 *
 * <p>Each step is timed. Time is bounded three ways: the TCP connect by {@code connectTimeout}; greeting, key
 * exchange and authentication together by {@code connectTimeout} again; the Git request by {@code timeout}. A
 * watchdog closes the session when a bound passes (a server that answers keep-alives but nothing else would
 * otherwise hold the session forever), and cancelling closes it at once.
 *
 * <p>This class is the order of the steps and how each ends: {@link LocalKeyChecks} is the first step,
 * {@link SshSessions} sets the session up, {@link Watchdog} bounds it, {@link UploadPackProbe} makes the Git request
 * and {@link UploadPackAnswers} says what its answer means; {@link SessionFailures} classifies what went wrong on
 * the way.
 *
 * <p>The decisive exchange is reported in {@link HttpDetails} with method {@code SSH}: the URL is
 * {@code ssh://user@host[:port]/v3/…}, the status is the remote exit status when one came, the server message is
 * the remote stderr, and the error holds fingerprints or the library's message (never key material).
 */
@Component
public class SshChecker {

    static final String STEP_LOCAL = "Local key checks";
    static final String STEP_DNS = "DNS lookup";
    static final String STEP_TCP = "TCP connect";
    static final String STEP_HOST_KEY = "SSH host key";
    static final String STEP_AUTH = "SSH authentication";
    static final String STEP_REPOSITORY = "Repository (git-upload-pack)";
    /** The ladder, in order: after a failed step the later ones are "Not reached". */
    static final List<String> STEPS = List.of(STEP_LOCAL, STEP_DNS, STEP_TCP, STEP_HOST_KEY, STEP_AUTH,
            STEP_REPOSITORY);

    private static final Logger log = LoggerFactory.getLogger(SshChecker.class);

    private final SshProperties properties;
    private final SshSessions sessions;
    private final Clock clock;

    /** Direct connections (tests). */
    SshChecker(SshProperties properties, Clock clock) {
        this(properties, clock, OutboundProxy.direct());
    }

    /** Through the egress proxy when it applies to the SSH host ({@link SshTunnel}, decision 0018). */
    @Autowired
    SshChecker(SshProperties properties, Clock clock, OutboundProxy outbound) {
        this.properties = properties;
        this.sessions = new SshSessions(properties, outbound);
        this.clock = clock;
    }

    /** Runs one test; blocking, meant for a background thread. Never throws for a failed connection. */
    public CheckResult check(SshCheckInput input, Cancellation cancellation) {
        return new Run(input, cancellation).run();
    }

    private final class Run {
        private final SshCheckInput input;
        private final Cancellation cancellation;
        private final String org;
        private final String project;
        private final String repository;
        private final Instant startedAt = clock.instant();
        private final long start = System.nanoTime();
        private final CheckLadder ladder;
        private final Watchdog watchdog = new Watchdog();
        private @Nullable Session session;
        private @Nullable WatchedSockets sockets;
        private @Nullable SshTunnel tunnel;

        Run(SshCheckInput input, Cancellation cancellation) {
            this.input = input;
            this.cancellation = cancellation;
            OutboundProxy proxy = sessions.proxy();
            this.ladder = new CheckLadder(proxy == null ? STEPS : SshProxySteps.withHop(STEPS, proxy), cancellation);
            this.org = input.organization() == null ? "" : input.organization().strip();
            this.project = input.project() == null ? "" : input.project().strip();
            this.repository = input.repository() == null ? "" : input.repository().strip();
        }

        CheckResult run() {
            ParsedKey key = null;
            JSch jsch = new JSch();
            try {
                LocalKeyChecks.Outcome local = LocalKeyChecks.run(org, project, repository, input.privateKey(),
                        input.passphrase());
                key = local.key();
                ladder.add(local.step());
                if (key == null) {
                    return done(local.failure(), null);
                }
                return connectAndAsk(jsch, key);
            } catch (RuntimeException e) {
                log.warn("SSH check of organization {} failed unexpectedly: {}", clean(org), e.getClass().getName());
                return done(CheckCategory.INTERNAL_ERROR, null);
            } finally {
                watchdog.disarm();
                if (session != null) {
                    session.disconnect();
                }
                SshSessions.removeIdentities(jsch);
                if (key != null) {
                    key.wipe();
                }
            }
        }

        private CheckResult connectAndAsk(JSch jsch, ParsedKey key) {
            HostKeyWatch hostKeys;
            try {
                hostKeys = sessions.trustConfiguredHostKeys(jsch);
                SshSessions.addIdentity(jsch, key, input.passphrase());
                sockets = new WatchedSockets(SshSessions.millis(properties.connectTimeout()),
                        () -> watchdog.arm(properties.connectTimeout(), STEP_HOST_KEY));
                tunnel = sessions.tunnel(sockets);
                session = sessions.newSession(jsch, hostKeys, sockets, tunnel);
                watchdog.guard(sockets, session);
            } catch (JSchException | RuntimeException e) {
                log.warn("SSH check could not be prepared: {}", e.getClass().getName());
                ladder.add(new CheckStep(STEP_DNS, StepStatus.FAILED, "Nothing was sent: the SSH client could not be"
                        + " prepared (" + e.getClass().getSimpleName() + "); see the server log.", 0, null));
                return done(CheckCategory.INTERNAL_ERROR, null);
            }
            cancellation.onCancel(watchdog::abort);
            if (cancellation.isCancelled()) {
                return done(CheckCategory.CANCELLED, null);
            }
            try {
                session.connect(SshSessions.millis(properties.connectTimeout()));
            } catch (JSchException e) {
                watchdog.disarm();
                return connectFailed(e, hostKeys, key);
            }
            watchdog.disarm();
            long authenticated = System.nanoTime();
            ladder.addAll(SshNetworkSteps.passed(sockets, tunnel, properties));
            ladder.add(SshNetworkSteps.hostKeyPassed(hostKeys, sockets));
            ladder.add(new CheckStep(STEP_AUTH, StepStatus.PASSED, "The server let user " + properties.user()
                    + " sign in with the key. This alone proves nothing: Azure DevOps accepts any RSA key here and"
                    + " decides when a repository is asked for.", nanosToMillis(authenticated - hostKeys.checkedAt()),
                    null));
            return askRepository(key);
        }

        // ---- connect failures -----------------------------------------------------------------------------

        private CheckResult connectFailed(JSchException e, HostKeyWatch hostKeys, ParsedKey key) {
            boolean connected = sockets.connected();
            Exception cause = !connected && sockets.failure() != null ? sockets.failure() : e;
            SessionFailures.Facts facts = new SessionFailures.Facts(SessionFailures.Phase.CONNECT, connected,
                    cancellation.isCancelled(), watchdog.timedOut(), hostKeys.checked() ? hostKeys.result() : -1,
                    sockets.receivedAnything(), sockets.firstLine(), cause, SessionFailures.describe(e),
                    context(hostKeys, key, null));
            SessionFailures.Classification c = SessionFailures.classify(facts);
            if (tunnel != null && !tunnel.established()) {
                SshProxySteps.Failure f = SshProxySteps.failed(sockets, tunnel, cancellation.isCancelled(),
                        watchdog.timedOut(), e, properties);
                ladder.addAll(f.steps());
                return done(f.category(), details(null, null, f.error()));
            }
            if (!sockets.resolved()) {
                // nothing was resolved: the lookup failed, or the attempt ended before it
                ladder.add(SshNetworkSteps.dnsFailed(sockets, c.summary()));
            } else if (!connected) {
                ladder.add(SshNetworkSteps.dns(sockets, properties.host()));
                ladder.add(new CheckStep(STEP_TCP, StepStatus.FAILED, c.summary(), since(sockets.resolvedAt()), null));
            } else {
                ladder.addAll(SshNetworkSteps.passed(sockets, tunnel, properties));
                long connectedAt = sockets.sshStartedAt();
                if (STEP_AUTH.equals(c.step())) {
                    if (c.category() != CheckCategory.CANCELLED) {
                        ladder.add(SshNetworkSteps.hostKeyPassed(hostKeys, sockets));
                    }
                    ladder.add(new CheckStep(STEP_AUTH, StepStatus.FAILED, c.summary(), c.category()
                            == CheckCategory.CANCELLED ? since(connectedAt) : since(hostKeys.checkedAt()), null));
                } else {
                    ladder.add(new CheckStep(c.step(), StepStatus.FAILED, c.summary(), since(connectedAt), null));
                }
            }
            return done(c.category(), c.error() == null ? null : details(null, null, c.error()));
        }

        private SessionFailures.Context context(@Nullable HostKeyWatch hostKeys, @Nullable ParsedKey key,
                @Nullable String command) {
            return SessionFailures.Context.of(sockets, properties, hostKeys, key, command);
        }

        /** DNS lookup and TCP connect, and through a proxy its hop (all passed: the SSH server was reached). */
        // ---- the Git request ------------------------------------------------------------------------------

        private CheckResult askRepository(ParsedKey key) {
            String path = UploadPackProbe.path(org, project, repository);
            String command = UploadPackProbe.command(path);
            String url = server() + "/" + path;
            String repo = project + "/" + repository;
            long t = System.nanoTime();
            UploadPackProbe.Answer answer = UploadPackProbe.ask(session, command, properties.timeout(), watchdog,
                    cancellation);
            return switch (answer) {
                case UploadPackProbe.Advertised a -> connected(UploadPackAnswers.proof(a.advertisement(), repo), t);
                case UploadPackProbe.NotAdvertised n when n.emptyRepository() ->
                        connected(UploadPackAnswers.emptyRepository(repo), t);
                case UploadPackProbe.NotAdvertised n -> refused(n, url, repo, key, t);
                case UploadPackProbe.Broken b -> {
                    SessionFailures.Classification c = SessionFailures.classify(new SessionFailures.Facts(
                            SessionFailures.Phase.REQUEST, true, cancellation.isCancelled(), watchdog.timedOut(),
                            HostKeyRepository.OK, true, sockets.firstLine(), b.cause(),
                            SessionFailures.describe(b.cause()), context(null, key, command)));
                    ladder.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, c.summary(), since(t), null));
                    yield done(c.category(), details(url, b.remote(), c.error()));
                }
            };
        }

        private CheckResult connected(String proof, long t) {
            ladder.add(new CheckStep(STEP_REPOSITORY, StepStatus.PASSED, proof, since(t), null));
            return done(CheckCategory.CONNECTED, null);
        }

        private CheckResult refused(UploadPackProbe.NotAdvertised answer, String url, String repo, ParsedKey key,
                long t) {
            if (cancellation.isCancelled()) {
                ladder.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, "Cancelled.", since(t), null));
                return done(CheckCategory.CANCELLED, null);
            }
            if (watchdog.timedOut()) {
                ladder.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, "The server signed the key in but did"
                        + " not answer the Git request within " + seconds(properties.timeout()) + ".", since(t), null));
                return done(CheckCategory.TIMEOUT, details(url, answer.remote(), null));
            }
            UploadPackAnswers.Refusal r = UploadPackAnswers.refusal(answer, repo, key.md5Hex());
            ladder.add(new CheckStep(STEP_REPOSITORY, StepStatus.FAILED, r.summary(), since(t), null));
            return done(r.category(), new HttpDetails("SSH", url, answer.exit(), null, r.message(), null, null, null,
                    r.error()));
        }

        // ---- result -----------------------------------------------------------------------------------------

        private HttpDetails details(@Nullable String url, @Nullable String remote, @Nullable String error) {
            return SshExchange.details(url != null ? url : server(), remote, error);
        }

        private String server() {
            return SshExchange.server(properties);
        }

        private CheckResult done(CheckCategory category, @Nullable HttpDetails decisive) {
            if (cancellation.isCancelled()) {
                category = CheckCategory.CANCELLED;
            }
            if (category.outcome() == CheckOutcome.FAILED) {
                ladder.notReachedAfterLast();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new CheckResult(category, org, null, null, null, ladder.steps(),
                    category.outcome() == CheckOutcome.FAILED ? decisive : null, startedAt, millis,
                    input.fingerprint());
        }
    }
}
