package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The SSH check against a real OpenSSH server ({@code /usr/sbin/sshd} from Debian's {@code openssh-server}) and
 * Git's own {@code git-upload-pack} (Debian's {@code git}): proves the exec, the pkt-line reading and the flush
 * against the reference implementation, where the MINA fake only follows our reading of the protocol.
 *
 * <p>The test starts sshd on 127.0.0.1 and a free port, as the user running the tests, with a host key and an
 * {@code authorized_keys} file generated for the run, RSA with SHA-2 only, no passwords, and a {@code ForceCommand}
 * wrapper that maps Azure DevOps' {@code git-upload-pack 'v3/{org}/{project}/{repo}'} onto bare repositories made
 * for the run (anything else gets the shell greeting, an unknown repository TF401019). Everything lives under
 * {@code target/} and is deleted afterwards. When run as root, sshd needs its privilege separation directory
 * {@code /run/sshd} (normally made by systemd); the test creates it if missing.
 *
 * <p>Skipped, with the reason, when sshd or git is not installed.
 */
@EnabledIf(value = "toolsInstalled", disabledReason = RealOpenSshIT.NOT_INSTALLED)
class RealOpenSshIT {

    static final String NOT_INSTALLED =
            "sshd not installed: apt-get install openssh-server (and git: apt-get install git)";

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Duration BOUND = Duration.ofSeconds(5);
    static final KeyPair HOST_KEY = TestSshKeys.rsa(2048);
    static final String USER_KEY = TestSshKeys.openssh(TestSshKeys.alice(), null, "alice@test");

    static Path dir;
    static Process sshd;
    static int port;

    @BeforeAll
    static void startSshd() throws Exception {
        String user = System.getProperty("user.name");
        if ("root".equals(user)) {
            Path privsep = Path.of("/run/sshd");
            if (!Files.isDirectory(privsep)) {
                Files.createDirectories(privsep, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwxr-xr-x")));
            }
        }

        dir = Files.createDirectories(Path.of("target").toAbsolutePath()
                .resolve("real-sshd-" + ProcessHandle.current().pid()));
        Path hostKey = write("host_rsa", TestSshKeys.pkcs1(HOST_KEY), "rw-------");
        write("authorized_keys", TestSshKeys.publicLine(TestSshKeys.alice(), "alice@test") + "\n", "rw-------");
        Path repos = Files.createDirectories(dir.resolve("repos/v3/contoso/Web"));
        bareRepositoryWithACommit(repos.resolve("web-app"));
        git(dir, "init", "--quiet", "--bare", "--initial-branch=main", repos.resolve("empty-repo").toString());

        Path wrapper = write("git-wrapper.sh", """
                #!/bin/sh
                # Maps Azure DevOps' SSH command onto the bare repositories of this test run.
                case "$SSH_ORIGINAL_COMMAND" in
                  "git-upload-pack 'v3/"*"'")
                    path=${SSH_ORIGINAL_COMMAND#"git-upload-pack '"}
                    path=${path%"'"}
                    case "$path" in *..*|*"'"*) path=invalid ;; esac
                    if [ -d "@REPOS@/$path" ]; then
                      git-upload-pack --strict "@REPOS@/$path"
                      status=$?
                      echo "$path $status" >> "@EXITS@"
                      exit $status
                    fi
                    echo "remote: TF401019: The Git repository with name or identifier ${path##*/} does not exist\
                 or you do not have permissions for the operation you are attempting." >&2
                    exit 128 ;;
                  *)
                    echo "remote: Shell access is not supported." >&2
                    exit 1 ;;
                esac
                """.replace("@REPOS@", dir.resolve("repos").toString()).replace("@EXITS@", exits().toString()),
                "rwxr-xr-x");

        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = write("sshd_config", String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AllowUsers " + user,
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "HostKeyAlgorithms rsa-sha2-512,rsa-sha2-256",
                "PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256",
                "ForceCommand " + wrapper,
                "PermitTTY no",
                "AllowTcpForwarding no",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "LogLevel VERBOSE",
                ""), "rw-------");
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        awaitGreeting();
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(5, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static SshChecker checker(String knownHosts) {
        return new SshChecker(new SshProperties("127.0.0.1", port, System.getProperty("user.name"), knownHosts, null,
                BOUND, BOUND), Clock.systemUTC());
    }

    static String knownHosts() {
        return "[127.0.0.1]:" + port + " " + TestSshKeys.publicLine(HOST_KEY, "").strip() + "\n";
    }

    static CheckResult check(SshChecker checker, String repository, String key) {
        return checker.check(SshCheckInput.withTestRepository("contoso", repository, Secret.of(key), null, "fp"),
                new Cancellation());
    }

    static CheckStep step(CheckResult r, String name) {
        return r.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void gitsOwnUploadPackAdvertisementIsReadAndEndedWithAFlush() throws Exception {
        CheckResult r = check(checker(knownHosts()), "Web/web-app", USER_KEY);

        assertThat(r.category()).as(log()).isEqualTo(CheckCategory.CONNECTED);
        // 127.0.0.1 needs no lookup; every other step passed
        assertThat(step(r, SshChecker.STEP_DNS).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(r.steps()).filteredOn(s -> !s.name().equals(SshChecker.STEP_DNS)).extracting(CheckStep::status)
                .containsOnly(StepStatus.PASSED);
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary())
                .contains("Web/web-app (2 references; HEAD is refs/heads/main)");
        // upload-pack read the client's flush and ended cleanly without sending a pack: without the flush it
        // would die with "fatal: the remote end hung up unexpectedly" and exit 128.
        assertThat(awaitExit("v3/contoso/Web/web-app")).isEqualTo("0");
        assertThat(log()).contains("Accepted publickey for").contains("forced-command");
    }

    @Test
    void anEmptyRepositoryIsAFlushAloneFromGitAndStillProvesTheKey() {
        CheckResult r = check(checker(knownHosts()), "Web/empty-repo", USER_KEY);
        assertThat(r.category()).as(log()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(step(r, SshChecker.STEP_REPOSITORY).summary()).contains("exists and is empty");
    }

    @Test
    void aMissingRepositoryIsReportedFromStderr() {
        CheckResult r = check(checker(knownHosts()), "Web/nope", USER_KEY);
        assertThat(r.category()).as(log()).isEqualTo(CheckCategory.SSH_REPOSITORY_NOT_FOUND);
        assertThat(r.decisive().status()).isEqualTo(128);
    }

    @Test
    void aKeyOpenSshDoesNotKnowFailsAtSignIn() {
        CheckResult r = check(checker(knownHosts()), "Web/web-app", TestSshKeys.pkcs8(TestSshKeys.bob()));
        assertThat(r.category()).as(log()).isEqualTo(CheckCategory.SSH_AUTH_FAILED);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).status()).isEqualTo(StepStatus.PASSED);
    }

    @Test
    void anUntrustedOpenSshHostKeyIsShownWithTheFingerprintSshKeygenWouldPrint() {
        CheckResult r = check(checker(""), "Web/web-app", USER_KEY);
        assertThat(r.category()).isEqualTo(CheckCategory.SSH_HOST_KEY_UNKNOWN);
        assertThat(step(r, SshChecker.STEP_HOST_KEY).summary())
                .contains("RSA " + SshKeys.sha256Fingerprint(TestSshKeys.publicBlob(HOST_KEY)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static Path write(String name, String content, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    static void bareRepositoryWithACommit(Path bare) throws Exception {
        git(dir, "init", "--quiet", "--bare", "--initial-branch=main", bare.toString());
        Path work = dir.resolve("work");
        git(dir, "clone", "--quiet", bare.toString(), work.toString());
        Files.writeString(work.resolve("README.md"), "# web-app\n");
        git(work, "add", "README.md");
        git(work, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-m",
                "Initial commit");
        git(work, "push", "--quiet", "origin", "main");
    }

    static void git(Path in, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + String.join(" ", args) + ": " + out).isZero();
    }

    static boolean toolsInstalled() {
        return Files.isExecutable(SSHD) && onPath("git") && onPath("git-upload-pack");
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)))
                || Files.isExecutable(Path.of("/usr/lib/git-core", program));
    }

    static void awaitGreeting() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                throw new AssertionError("sshd exited with " + sshd.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] greeting = in.readNBytes(8);
                if (new String(greeting, StandardCharsets.US_ASCII).startsWith("SSH-2.0")) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sshd did not greet within 10 s:\n" + log());
    }

    static String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no sshd log: " + e.getMessage() + ")";
        }
    }

    static Path exits() {
        return dir.resolve("upload-pack-exits.log");
    }

    /** The exit status the wrapper recorded for upload-pack on this path, waiting for it up to 5 s. */
    static String awaitExit(String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(exits())) {
                for (String line : Files.readAllLines(exits())) {
                    if (line.startsWith(path + " ")) {
                        return line.substring(path.length() + 1);
                    }
                }
            }
            Thread.sleep(20);
        }
        return "(no exit status recorded)";
    }
}
