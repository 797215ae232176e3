package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A test that was started (or refused at once). {@link #result()} completes with the diagnosis, never
 * exceptionally; {@link #cancel()} stops the calls in flight and completes it as {@link CheckCategory#CANCELLED}.
 */
public final class CheckRun {

    private final Instant startedAt;
    private final CompletableFuture<CheckResult> result;
    private final Cancellation cancellation;
    private final boolean storesResult;

    CheckRun(Instant startedAt, CompletableFuture<CheckResult> result, Cancellation cancellation) {
        this(startedAt, result, cancellation, false);
    }

    CheckRun(Instant startedAt, CompletableFuture<CheckResult> result, Cancellation cancellation,
            boolean storesResult) {
        this.startedAt = startedAt;
        this.result = result;
        this.cancellation = cancellation;
        this.storesResult = storesResult;
    }

    /**
     * Whether the result becomes the saved integration's stored result (it tested exactly what is stored), so that
     * views showing the stored result and history refresh when it completes.
     */
    public boolean storesResult() {
        return storesResult;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public CompletableFuture<CheckResult> result() {
        return result;
    }

    /** Runs {@code listener} for each step of the test as it completes (those done already at once). */
    public void onStep(Consumer<CheckStep> listener) {
        cancellation.onStep(listener);
    }

    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }
}
