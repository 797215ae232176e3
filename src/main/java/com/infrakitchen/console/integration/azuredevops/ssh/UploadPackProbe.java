package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.check.Cancellation;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The decisive request of an SSH check: executes {@code git-upload-pack '<path>'} on a signed-in session, reads the
 * pkt-line reference advertisement ({@link PktLines}), the remote stderr (read concurrently, so that the channel
 * never stalls on it) and the exit status, and ends the request with a flush before anything is fetched. The
 * {@link Watchdog} bounds the whole request by the request timeout. What the answer means is the checker's to say.
 */
final class UploadPackProbe {

    private static final int STDERR_MAX_BYTES = 8 * 1024;
    /** How long to wait for the remote message and exit status after a refusal (the server has already decided). */
    private static final long AFTER_REFUSAL_NANOS = 2_000_000_000L;

    /** What came back. */
    sealed interface Answer {
    }

    /** A reference advertisement (possibly of an empty repository): the key may read the repository. */
    record Advertised(PktLines.Advertisement advertisement) implements Answer {
    }

    /**
     * No advertisement proving access; the remote message and exit status as far as they came in time.
     *
     * @param remote the remote stderr (at most 8 KiB), possibly blank
     * @param exit   the remote exit status, or null if none came
     */
    record NotAdvertised(PktLines.Advertisement advertisement, String remote, @Nullable Integer exit)
            implements Answer {

        /** Only a flush, no message, exit status 0: how Git's own upload-pack (protocol v0) answers an empty repository. */
        boolean emptyRepository() {
            return bareFlush(advertisement) && remote.isBlank() && exit != null && exit == 0;
        }
    }

    /** The request failed in JSch or on the wire; {@code remote} is the stderr that had arrived. */
    record Broken(Exception cause, String remote) implements Answer {
    }

    private UploadPackProbe() {
    }

    /** {@code v3/{org}/{project}/{repo}}, the repository path of Azure DevOps SSH URLs. */
    static String path(String org, String project, String repository) {
        return "v3/" + urlPath(org) + "/" + urlPath(project) + "/" + urlPath(repository);
    }

    /** Spaces as Azure DevOps writes them in SSH URLs ({@code Fabrikam%20Fiber}); other characters are as typed. */
    private static String urlPath(String name) {
        return name.replace(" ", "%20");
    }

    /** The remote command that asks for {@code path}'s reference advertisement. */
    static String command(String path) {
        return "git-upload-pack '" + path + "'";
    }

    /** Runs {@code command} on {@code session}, bounded by {@code timeout}; never throws for a failed request. */
    static Answer ask(Session session, String command, Duration timeout, Watchdog watchdog,
            Cancellation cancellation) {
        return ask(session, command, timeout, watchdog, cancellation, null);
    }

    /** As above, handing each advertised reference's name to {@code refNames} (the Repositories tab lists them). */
    static Answer ask(Session session, String command, Duration timeout, Watchdog watchdog,
            Cancellation cancellation, @Nullable Consumer<String> refNames) {
        long t = System.nanoTime();
        watchdog.arm(timeout, SshChecker.STEP_REPOSITORY);
        ChannelExec channel = null;
        Stderr stderr = null;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            InputStream out = channel.getInputStream();
            InputStream err = channel.getErrStream();
            OutputStream in = channel.getOutputStream();
            channel.connect(SshSessions.millis(timeout));
            stderr = new Stderr(err);
            PktLines.Advertisement advertisement = PktLines.read(out, refNames);
            if (advertisement.flush() || advertisement.truncated()) {
                endRequest(in);
            }
            if (advertisement.provesAccess()) {
                watchdog.disarm();
                return new Advertised(advertisement);
            }
            long deadline = t + timeout.toNanos();
            long wait = bareFlush(advertisement) ? deadline
                    : Math.min(deadline, System.nanoTime() + AFTER_REFUSAL_NANOS);
            String remote = stderr.await(Math.max(0, (wait - System.nanoTime()) / 1_000_000));
            Integer exit = awaitExit(channel, wait, cancellation);
            watchdog.disarm();
            return new NotAdvertised(advertisement, remote, exit);
        } catch (JSchException | IOException e) {
            watchdog.disarm();
            return new Broken(e, stderr == null ? "" : stderr.await(0));
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** A flush packet and nothing else: no reference, no error, nothing unexpected. */
    private static boolean bareFlush(PktLines.Advertisement advertisement) {
        return advertisement.flush() && advertisement.error() == null && advertisement.unexpected() == null;
    }

    /** The remote exit status once the channel has closed, waiting until {@code deadline}; null if none came. */
    private static @Nullable Integer awaitExit(ChannelExec channel, long deadline, Cancellation cancellation) {
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

    private static void endRequest(OutputStream in) {
        try {
            in.write(PktLines.FLUSH);
            in.flush();
            in.close();
        } catch (IOException e) {
            // the server may already have closed; nothing was going to be fetched anyway
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
}
