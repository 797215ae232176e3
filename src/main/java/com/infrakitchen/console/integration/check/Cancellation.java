package com.infrakitchen.console.integration.check;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets a running test be stopped: whatever is in flight registers how to abort itself. */
public final class Cancellation {

    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancellation, or at once when already cancelled. */
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
