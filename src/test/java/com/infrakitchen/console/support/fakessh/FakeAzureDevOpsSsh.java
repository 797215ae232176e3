package com.infrakitchen.console.support.fakessh;

import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * An in-process fake of Azure DevOps' SSH endpoint (docs/azure-devops.md 8 and 12.4) on Apache MINA SSHD: 127.0.0.1, a
 * random port, identification {@code SSH-2.0-SSHBlackbox.10}, an RSA 2048 host key generated per run (pin it with
 * {@link #knownHostsLine()}).
 *
 * <p>Like the real service it accepts <em>any</em> RSA key at sign-in and decides at {@code exec}: a registered key
 * ({@link #registerKey}) and an existing repository get a pkt-line reference advertisement, then the fake reads the
 * client's flush and exits 0; an unregistered key gets {@code remote: Public key authentication failed.} (exit 128);
 * an unknown repository or a path not of the form {@code v3/{org}/{project}/{repo}} gets TF401019 (exit 128). A shell
 * request (what {@code ssh -T} sends) gets {@code remote: Shell access is not supported.} and exit 1, for any key.
 * Non-RSA keys are refused at sign-in.
 *
 * <p>Repositories are those of the HTTP fake ({@code support.fakeado}): {@code contoso/Web/web-app} (HEAD on
 * {@code refs/heads/main} at {@link FakeAzureDevOps#WEB_APP_MAIN_SHA}), {@code contoso/Web/empty-repo} (no refs),
 * {@code fabrikam/Fabrikam-Fiber-Git/Fabrikam-Fiber-Git}. Names compare case-insensitively; {@code %20} is a space.
 * The disabled {@code Web/old} answers like a missing repository [inf].
 *
 * <p>What the doc marks [?] is a {@link Mode}; {@link #reset()} returns to {@link Mode#NORMAL} and forgets
 * registrations and recordings.
 */
public final class FakeAzureDevOpsSsh implements AutoCloseable {

    public static final String IDENTIFICATION = "SSHBlackbox.10";
    public static final String KEY_NOT_REGISTERED = "remote: Public key authentication failed.\n";
    public static final String SHELL_GREETING = "remote: Shell access is not supported.\n";
    /** docs/azure-devops.md 8.2, with its typographic apostrophe; "..." is abridged there too. */
    public static final String SHA1_BROWNOUT = "remote: Command git-upload-pack: You\u2019re using ssh-rsa that is"
            + " about to be deprecated and your request has been blocked intentionally. Any SSH session using"
            + " SSH-RSA is subject to brown out (failure during random time periods) ... Please use rsa-sha2-256 or"
            + " rsa-sha2-512 instead. For more details see https://aka.ms/ado-ssh-rsa-deprecation.\n"
            + "remote: ERROR_SSH_UNSUPPORTED_CIPHER (7)\n";
    /** The stderr of a Conditional Access refusal over SSH is not documented [?]; this is a plausible shape. */
    public static final String CONDITIONAL_ACCESS = "remote: VS403463: The conditional access policy defined by your"
            + " Azure Active Directory administrator has failed.\n";
    public static final int REFUSED_EXIT_STATUS = 128;

    /** Behaviours to switch between (docs/azure-devops.md 12.4 and docs/security.md 6.4). */
    public enum Mode {
        /** As described above. */
        NORMAL,
        /** Presents a different RSA host key (a man in the middle, or a replaced server key). */
        HOST_KEY_CHANGED,
        /** Offers only {@code ssh-rsa} (SHA-1) host key signatures, as an old server would. */
        SHA1_HOST_KEY_ONLY,
        /** Refuses every key at sign-in, as an OpenSSH server refuses a key it does not know. */
        REJECT_AT_AUTH,
        /** If the client signed with {@code ssh-rsa} (SHA-1): the brownout text of 8.2 at exec, exit 128. */
        SHA1_BROWNOUT,
        /** The brownout text at exec whatever the client signed with (to exercise the classification). */
        SHA1_REFUSED_ALWAYS,
        /** The VS403463 text at exec. */
        CONDITIONAL_ACCESS,
        /** After sign-in, accepts the exec but never answers (nor closes). */
        STALL_AFTER_AUTH,
        /** Answers every exec like a shell request: the greeting on stderr, exit 1. */
        SHELL_GREETING_FOR_EXEC,
        /**
         * Advertises an empty repository as Git's own upload-pack (protocol v0) does, with a flush alone, instead of
         * the {@code capabilities^{}} line. What Azure DevOps sends for an empty repository is not documented [?].
         */
        GIT_STYLE_EMPTY_REPOSITORY
    }

    /** A reference and the object it points to. */
    public record Ref(String name, String objectId) {
    }

    /** A repository of the fixtures; an empty {@code refs} list is an empty repository. */
    public record Repo(String org, String project, String name, List<Ref> refs) {
    }

    public static final List<Repo> REPOS = List.of(
            new Repo(FakeAzureDevOps.CONTOSO, "Web", "web-app", List.of(
                    new Ref("refs/heads/develop", "8e4b7f0c1d2a3b4c5d6e7f8091a2b3c4d5e6f708"),
                    new Ref("refs/heads/feature/login", "3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a190"),
                    new Ref("refs/heads/main", FakeAzureDevOps.WEB_APP_MAIN_SHA),
                    new Ref("refs/tags/v1.0", "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"))),
            new Repo(FakeAzureDevOps.CONTOSO, "Web", "empty-repo", List.of()),
            new Repo(FakeAzureDevOps.FABRIKAM, "Fabrikam-Fiber-Git", "Fabrikam-Fiber-Git", List.of(
                    new Ref("refs/heads/main", FakeAzureDevOps.WEB_APP_MAIN_SHA))));

    private static final String CAPABILITIES = "multi_ack thin-pack side-band side-band-64k ofs-delta shallow"
            + " no-progress include-tag multi_ack_detailed no-done";
    private static final Pattern UPLOAD_PACK = Pattern.compile("^git-upload-pack '/?v3/([^/']+)/([^/']+)/([^/']+)'$");
    private static final AttributeKey<String> SIGNED_WITH = new AttributeKey<>();
    private static final AttributeKey<PublicKey> OFFERED_KEY = new AttributeKey<>();

    private final SshServer server;
    private final KeyPair hostKey = rsa();
    private final KeyPair otherHostKey = rsa();
    private final List<NamedFactory<Signature>> defaultSignatures;
    private volatile Mode mode = Mode.NORMAL;
    private final Set<BigInteger> registered = ConcurrentHashMap.newKeySet();
    private volatile boolean registerOnFirstUse;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    private final AtomicInteger shells = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();

    private FakeAzureDevOpsSsh() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, IDENTIFICATION);
        KeyPairProvider keys = session -> List.of(mode == Mode.HOST_KEY_CHANGED ? otherHostKey : hostKey);
        server.setKeyPairProvider(keys);
        defaultSignatures = List.copyOf(server.getSignatureFactories());
        server.setUserAuthFactories(List.of(new RecordingPublicKeyFactory(defaultSignatures)));
        server.setPublickeyAuthenticator((user, key, session) -> {
            if (mode == Mode.REJECT_AT_AUTH || !(key instanceof RSAPublicKey)) {
                return false;
            }
            session.setAttribute(OFFERED_KEY, key);
            return true;
        });
        server.setCommandFactory((channel, command) -> new Exec(command));
        server.setShellFactory(channel -> new Shell());
        server.start();
    }

    public static FakeAzureDevOpsSsh start() {
        try {
            return new FakeAzureDevOpsSsh();
        } catch (IOException e) {
            throw new IllegalStateException("the SSH fake could not start", e);
        }
    }

    // ---- what tests need to know ----------------------------------------------------------------------------

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** {@code [127.0.0.1]:port ssh-rsa AAAA…}: the line that makes this fake trusted. */
    public String knownHostsLine() {
        return "[" + host() + "]:" + port() + " ssh-rsa " + Base64.getEncoder().encodeToString(blob(hostKey));
    }

    /** The same line with the other host key, as if it had been trusted instead. */
    public String otherKnownHostsLine() {
        return "[" + host() + "]:" + port() + " ssh-rsa " + Base64.getEncoder().encodeToString(blob(otherHostKey));
    }

    public String hostKeySha256() {
        return sha256(blob(hostKey));
    }

    /** The fingerprint of the key presented in {@link Mode#HOST_KEY_CHANGED}. */
    public String otherHostKeySha256() {
        return sha256(blob(otherHostKey));
    }

    // ---- switches -------------------------------------------------------------------------------------------

    public void setMode(Mode mode) {
        this.mode = mode;
        server.setSignatureFactories(mode == Mode.SHA1_HOST_KEY_ONLY ? List.of(BuiltinSignatures.rsa)
                : defaultSignatures);
    }

    /** Registers a user's key for every organization of the fixtures (Azure DevOps keys belong to users). */
    public void registerKey(PublicKey key) {
        registered.add(((RSAPublicKey) key).getModulus());
    }

    /** Registers the key of an OpenSSH public key line ({@code ssh-rsa AAAA… comment}), as a user pastes it. */
    public void registerKey(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+");
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
        String type = new String(bytes(blob), StandardCharsets.US_ASCII);
        if (!type.equals("ssh-rsa")) {
            throw new IllegalArgumentException("Azure DevOps accepts only ssh-rsa keys, not " + type);
        }
        bytes(blob);
        registered.add(new BigInteger(1, bytes(blob)));
    }

    /**
     * Demo only ({@code spring-boot:test-run}): every RSA key that signs in is treated as added under "SSH public
     * keys", so a key generated in the console connects without a way to add it to the fake by hand.
     */
    public void setRegisterOnFirstUse(boolean on) {
        registerOnFirstUse = on;
    }

    public void reset() {
        setMode(Mode.NORMAL);
        registered.clear();
        commands.clear();
        signatures.clear();
        shells.set(0);
        stalled.set(0);
    }

    // ---- recordings -----------------------------------------------------------------------------------------

    /** Every exec command received, in order. */
    public List<String> execCommands() {
        return List.copyOf(commands);
    }

    /** The signature algorithm of every successful public key sign-in ({@code rsa-sha2-512}, …). */
    public List<String> signatureAlgorithms() {
        return List.copyOf(signatures);
    }

    public int shellRequests() {
        return shells.get();
    }

    /** Execs held by {@link Mode#STALL_AFTER_AUTH} and not yet ended by the client. */
    public int stalledExecs() {
        return stalled.get();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // stopping anyway
        }
    }

    // ---- the server's behaviour -----------------------------------------------------------------------------

    /** Remembers which signature algorithm the client used (to tell ssh-rsa from rsa-sha2-*). */
    private final class RecordingPublicKeyFactory extends UserAuthPublicKeyFactory {
        RecordingPublicKeyFactory(List<NamedFactory<Signature>> signatures) {
            super(signatures);
        }

        @Override
        public UserAuthPublicKey createUserAuth(ServerSession session) {
            return new UserAuthPublicKey(getSignatureFactories()) {
                @Override
                protected boolean verifySignature(ServerSession s, String username, String alg, PublicKey key,
                        Buffer buffer, Signature verifier, byte[] sig) throws Exception {
                    boolean ok = super.verifySignature(s, username, alg, key, buffer, verifier, sig);
                    if (ok) {
                        s.setAttribute(SIGNED_WITH, alg);
                        signatures.add(alg);
                    }
                    return ok;
                }
            };
        }
    }

    private abstract static class Streams implements Command {
        InputStream in;
        OutputStream out;
        OutputStream err;
        ExitCallback exit;
        volatile Thread worker;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void destroy(ChannelSession channel) {
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }

        void fail(String stderr, int status) throws IOException {
            err.write(stderr.getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(status);
        }
    }

    private final class Shell extends Streams {
        @Override
        public void start(ChannelSession channel, Environment env) {
            shells.incrementAndGet();
            worker = Thread.ofVirtual().start(() -> {
                try {
                    fail(SHELL_GREETING, 1);
                } catch (IOException e) {
                    // the client went away
                }
            });
        }
    }

    private final class Exec extends Streams {
        private final String command;

        Exec(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commands.add(command);
            ServerSession session = channel.getSession();
            Mode current = mode;
            if (current == Mode.STALL_AFTER_AUTH) {
                stalled.incrementAndGet();
                worker = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        stalled.decrementAndGet();
                    }
                });
                return;
            }
            worker = Thread.ofVirtual().start(() -> {
                try {
                    answer(session, current);
                } catch (IOException e) {
                    // the client went away
                }
            });
        }

        private void answer(ServerSession session, Mode current) throws IOException {
            if (current == Mode.SHELL_GREETING_FOR_EXEC) {
                fail(SHELL_GREETING, 1);
                return;
            }
            if (current == Mode.CONDITIONAL_ACCESS) {
                fail(CONDITIONAL_ACCESS, REFUSED_EXIT_STATUS);
                return;
            }
            if (current == Mode.SHA1_REFUSED_ALWAYS
                    || current == Mode.SHA1_BROWNOUT && "ssh-rsa".equals(session.getAttribute(SIGNED_WITH))) {
                fail(SHA1_BROWNOUT, REFUSED_EXIT_STATUS);
                return;
            }
            PublicKey key = session.getAttribute(OFFERED_KEY);
            if (registerOnFirstUse && key instanceof RSAPublicKey first) {
                registered.add(first.getModulus());
            }
            if (!(key instanceof RSAPublicKey rsa) || !registered.contains(rsa.getModulus())) {
                fail(KEY_NOT_REGISTERED, REFUSED_EXIT_STATUS);
                return;
            }
            Matcher m = UPLOAD_PACK.matcher(command);
            if (!m.matches()) {
                if (!command.startsWith("git-upload-pack") && !command.startsWith("git-receive-pack")) {
                    fail(SHELL_GREETING, 1);
                } else {
                    fail(notFound(command.replaceAll("^\\S+\\s+'?|'$", "")), REFUSED_EXIT_STATUS);
                }
                return;
            }
            String org = decode(m.group(1));
            String project = decode(m.group(2));
            String name = decode(m.group(3));
            Optional<Repo> repo = REPOS.stream().filter(r -> r.org().equalsIgnoreCase(org)
                    && r.project().equalsIgnoreCase(project) && r.name().equalsIgnoreCase(name)).findFirst();
            if (repo.isEmpty()) {
                fail(notFound(name), REFUSED_EXIT_STATUS);
                return;
            }
            boolean bareFlush = current == Mode.GIT_STYLE_EMPTY_REPOSITORY && repo.get().refs().isEmpty();
            out.write(bareFlush ? "0000".getBytes(StandardCharsets.US_ASCII) : advertisement(repo.get()));
            out.flush();
            byte[] flush = in.readNBytes(4);
            exit.onExit(flush.length == 4 ? 0 : 1);
        }
    }

    private static String notFound(String name) {
        return "remote: TF401019: The Git repository with name or identifier " + name + " does not exist or you do"
                + " not have permissions for the operation you are attempting.\n";
    }

    /** The v0 advertisement: HEAD first with the capabilities, then the refs sorted, then a flush. */
    static byte[] advertisement(Repo repo) {
        StringBuilder out = new StringBuilder();
        if (repo.refs().isEmpty()) {
            out.append(pkt("0".repeat(40) + " capabilities^{}\0" + CAPABILITIES + " agent=git/2.39.5\n"));
        } else {
            String head = repo.refs().stream().filter(r -> r.name().equals("refs/heads/main")).map(Ref::objectId)
                    .findFirst().orElse(repo.refs().get(0).objectId());
            out.append(pkt(head + " HEAD\0" + CAPABILITIES + " symref=HEAD:refs/heads/main agent=git/2.39.5\n"));
            List<Ref> refs = new ArrayList<>(repo.refs());
            refs.sort((a, b) -> a.name().compareTo(b.name()));
            for (Ref ref : refs) {
                out.append(pkt(ref.objectId() + " " + ref.name() + "\n"));
            }
        }
        out.append("0000");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String pkt(String payload) {
        int length = payload.getBytes(StandardCharsets.UTF_8).length + 4;
        return String.format(Locale.ROOT, "%04x", length) + payload;
    }

    private static String decode(String s) {
        return s.replace("%20", " ");
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SSH wire form of an RSA public key. */
    static byte[] blob(KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        ByteBuffer out = ByteBuffer.allocate(2048);
        put(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        put(out, key.getPublicExponent().toByteArray());
        put(out, key.getModulus().toByteArray());
        byte[] blob = new byte[out.position()];
        out.flip().get(blob);
        return blob;
    }

    private static void put(ByteBuffer out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    static String sha256(byte[] blob) {
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
