package com.infrakitchen.console.integration.azuredevops.ssh;

import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.seconds;
import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.since;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsProvider;
import com.infrakitchen.console.integration.browse.RepositoryLister;
import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.outbound.OutboundProxy;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Repositories tab for an SSH key. Azure DevOps lists projects and repositories over its REST API only, for a
 * token; over SSH a key can only ask Git for one repository's references. So this asks for the test repository's
 * reference advertisement the way the SSH check does ({@link LocalKeyChecks}, {@link SshSessions}, {@link Watchdog},
 * {@link UploadPackProbe}, the same strict host key and rsa-sha2 rules) and lists its branches and where HEAD points,
 * saying that listing needs a token. Failures get the SSH check's categories ({@link SessionFailures},
 * {@link UploadPackAnswers}).
 */
@Component
class SshBranchLister implements RepositoryLister<SshKeyInput> {

    /** More branch names than this are counted as truncated, not kept. */
    static final int MAX_BRANCHES = 10_000;
    static final String NOTE = "An SSH key cannot list projects or repositories: Azure DevOps lists them only for a"
            + " personal access token. Shown here are the branches of the test repository, from the reference list"
            + " Git receives over SSH.";

    private final SshProperties properties;
    private final SshSessions sessions;

    SshBranchLister(SshProperties properties) {
        this(properties, OutboundProxy.direct());
    }

    @Autowired
    SshBranchLister(SshProperties properties, OutboundProxy outbound) {
        this.properties = properties;
        this.sessions = new SshSessions(properties, outbound);
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<SshKeyInput> credentialType() {
        return SshKeyInput.class;
    }

    @Override
    public RepositoryListing list(String organization, SshKeyInput credential, @Nullable String continuation,
            Cancellation cancellation) {
        SshCheckInput input = SshCheckInput.withTestRepository(organization.strip(), credential.testRepository(),
                credential.privateKey(), credential.passphrase(), "");
        String org = organization.strip();
        String project = input.project() == null ? "" : input.project();
        String repository = input.repository() == null ? "" : input.repository();
        long start = System.nanoTime();
        LocalKeyChecks.Outcome local = LocalKeyChecks.run(org, project, repository, input.privateKey(),
                input.passphrase());
        if (local.key() == null) {
            return new ListingFailure(local.failure(), org, local.step().summary(), null, since(start));
        }
        ParsedKey key = local.key();
        JSch jsch = new JSch();
        Watchdog watchdog = new Watchdog();
        Session session = null;
        try {
            HostKeyWatch hostKeys = sessions.trustConfiguredHostKeys(jsch);
            SshSessions.addIdentity(jsch, key, input.passphrase());
            WatchedSockets sockets = new WatchedSockets(SshSessions.millis(properties.connectTimeout()),
                    () -> watchdog.arm(properties.connectTimeout(), SshChecker.STEP_HOST_KEY));
            SshTunnel tunnel = sessions.tunnel(sockets);
            session = sessions.newSession(jsch, hostKeys, sockets, tunnel);
            watchdog.guard(sockets, session);
            cancellation.onCancel(watchdog::abort);
            Request request = new Request(org, project + "/" + repository,
                    UploadPackProbe.path(org, project, repository), key, hostKeys, sockets, tunnel, watchdog,
                    cancellation, start);
            try {
                session.connect(SshSessions.millis(properties.connectTimeout()));
            } catch (JSchException e) {
                watchdog.disarm();
                return request.connectFailed(e);
            }
            watchdog.disarm();
            return request.ask(session);
        } catch (JSchException | RuntimeException e) {
            return new ListingFailure(CheckCategory.INTERNAL_ERROR, org, "The SSH client could not be prepared ("
                    + e.getClass().getSimpleName() + ").", null, since(start));
        } finally {
            watchdog.disarm();
            if (session != null) {
                session.disconnect();
            }
            SshSessions.removeIdentities(jsch);
            key.wipe();
        }
    }

    /** The Git request of one load, and how each of its ends is said. */
    private final class Request {
        private final String org;
        private final String repo;
        private final String path;
        private final ParsedKey key;
        private final HostKeyWatch hostKeys;
        private final WatchedSockets sockets;
        private final @Nullable SshTunnel tunnel;
        private final Watchdog watchdog;
        private final Cancellation cancellation;
        private final long start;

        Request(String org, String repo, String path, ParsedKey key, HostKeyWatch hostKeys, WatchedSockets sockets,
                @Nullable SshTunnel tunnel, Watchdog watchdog, Cancellation cancellation, long start) {
            this.org = org;
            this.repo = repo;
            this.path = path;
            this.key = key;
            this.hostKeys = hostKeys;
            this.sockets = sockets;
            this.tunnel = tunnel;
            this.watchdog = watchdog;
            this.cancellation = cancellation;
            this.start = start;
        }

        RepositoryListing ask(Session session) {
            List<String> branches = new ArrayList<>();
            int[] tags = {0};
            boolean[] truncated = {false};
            String command = UploadPackProbe.command(path);
            UploadPackProbe.Answer answer = UploadPackProbe.ask(session, command, properties.timeout(), watchdog,
                    cancellation, name -> {
                        if (name.startsWith("refs/tags/") && !name.endsWith("^{}")) {
                            tags[0]++;
                        } else if (name.startsWith("refs/heads/") && branches.size() < MAX_BRANCHES) {
                            branches.add(name);
                        } else if (name.startsWith("refs/heads/")) {
                            truncated[0] = true;
                        }
                    });
            return switch (answer) {
                case UploadPackProbe.Advertised a -> new BranchList(repo, a.advertisement().headTarget(), branches,
                        tags[0], truncated[0] || a.advertisement().truncated(), NOTE);
                case UploadPackProbe.NotAdvertised n when n.emptyRepository() ->
                        new BranchList(repo, null, List.of(), 0, false, NOTE);
                case UploadPackProbe.NotAdvertised n -> refused(n);
                case UploadPackProbe.Broken b -> {
                    SessionFailures.Classification c = SessionFailures.classify(new SessionFailures.Facts(
                            SessionFailures.Phase.REQUEST, true, cancellation.isCancelled(), watchdog.timedOut(),
                            HostKeyRepository.OK, true, sockets.firstLine(), b.cause(),
                            SessionFailures.describe(b.cause()), context(command)));
                    yield failure(c.category(), c.summary(), details(url(), b.remote(), c.error()));
                }
            };
        }

        private RepositoryListing refused(UploadPackProbe.NotAdvertised answer) {
            if (cancellation.isCancelled()) {
                return failure(CheckCategory.CANCELLED, "Cancelled.", null);
            }
            if (watchdog.timedOut()) {
                return failure(CheckCategory.TIMEOUT, "The server signed the key in but did not answer the Git"
                        + " request within " + seconds(properties.timeout()) + ".", details(url(), answer.remote(),
                        null));
            }
            UploadPackAnswers.Refusal r = UploadPackAnswers.refusal(answer, repo, key.md5Hex());
            return failure(r.category(), r.summary(), new HttpDetails("SSH", url(), answer.exit(), null, r.message(),
                    null, null, null, r.error()));
        }

        RepositoryListing connectFailed(JSchException e) {
            if (tunnel != null && !tunnel.established()) {
                // the egress proxy gave no tunnel (decision 0018): its failure, as the SSH check words it
                SshProxySteps.Failure f = SshProxySteps.failed(sockets, tunnel, cancellation.isCancelled(),
                        watchdog.timedOut(), e, properties);
                return failure(f.category(), f.steps().getLast().summary(), details(server(), null, f.error()));
            }
            boolean connected = sockets.connected();
            Exception cause = !connected && sockets.failure() != null ? sockets.failure() : e;
            SessionFailures.Classification c = SessionFailures.classify(new SessionFailures.Facts(
                    SessionFailures.Phase.CONNECT, connected, cancellation.isCancelled(), watchdog.timedOut(),
                    hostKeys.checked() ? hostKeys.result() : -1, sockets.receivedAnything(), sockets.firstLine(),
                    cause, SessionFailures.describe(e), context(null)));
            return failure(c.category(), c.summary(), c.error() == null ? null : details(server(), null, c.error()));
        }

        private SessionFailures.Context context(@Nullable String command) {
            String address = sockets.address() == null ? null : sockets.address().getHostAddress();
            String where = properties.host() + (address == null || address.equals(properties.host()) ? ""
                    : " (" + address + ")") + " port " + properties.port();
            return new SessionFailures.Context(where, properties.host(), hostKeys.host() == null ? properties.host()
                    : hostKeys.host(), properties.user(), hostKeys.presentedKey(),
                    String.join(", ", hostKeys.trustedFingerprints()), key.description(), key.sha256Fingerprint(),
                    seconds(properties.connectTimeout()), seconds(properties.timeout()), command);
        }

        private ListingFailure failure(CheckCategory category, String summary, @Nullable HttpDetails details) {
            return new ListingFailure(cancellation.isCancelled() ? CheckCategory.CANCELLED : category, org, summary,
                    details, since(start));
        }

        private HttpDetails details(String url, @Nullable String remote, @Nullable String error) {
            return SshExchange.details(url, remote, error);
        }

        private String server() {
            return SshExchange.server(properties);
        }

        private String url() {
            return server() + "/" + path;
        }
    }
}
