package com.infrakitchen.console.integration.azuredevops.ssh;

import com.jcraft.jsch.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The time bound of the phase of an SSH check under way: when it passes, the socket and the session are closed at
 * once (a server that answers keep-alives but nothing else would otherwise hold the session forever) and the phase
 * is remembered, so that the failure that follows is reported as a timeout. {@link #abort()} is also what
 * cancelling a check runs. One per check; safe to use from the check's thread, JSch's and a timer's.
 */
final class Watchdog {

    private volatile @Nullable WatchedSockets sockets;
    private volatile @Nullable Session session;
    private volatile @Nullable String timedOutIn;
    private volatile @Nullable CompletableFuture<Void> pending;

    /** What {@link #abort()} closes. */
    void guard(WatchedSockets sockets, Session session) {
        this.sockets = sockets;
        this.session = session;
    }

    /** Starts the bound of {@code phase} (a step name), ending the one before. */
    void arm(Duration bound, String phase) {
        disarm();
        pending = CompletableFuture.runAsync(() -> {
            timedOutIn = phase;
            abort();
        }, CompletableFuture.delayedExecutor(Math.max(1, bound.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Ends the current bound, if any; a bound that has already passed stays remembered. */
    void disarm() {
        CompletableFuture<Void> w = pending;
        if (w != null) {
            w.cancel(false);
        }
    }

    /** Whether a bound passed. */
    boolean timedOut() {
        return timedOutIn != null;
    }

    /** Closes everything now: the session, and the socket beneath it (which may still be connecting). */
    void abort() {
        WatchedSockets s = sockets;
        if (s != null) {
            s.close();
        }
        Session current = session;
        if (current != null) {
            current.disconnect();
        }
    }
}
