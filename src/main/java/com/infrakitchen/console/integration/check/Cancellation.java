package com.infrakitchen.console.integration.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The running test's handle, given to its checker: whatever is in flight registers how to abort itself; and the
 * checker reports each step as it completes ({@link #stepDone}), for the screens that show progress step by step.
 */
public final class Cancellation {

    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final List<CheckStep> done = new ArrayList<>();
    private final List<Consumer<CheckStep>> onStep = new ArrayList<>();
    private volatile boolean cancelled;

    /** A step of the running test completed; the listeners hear of it (on the checker's thread). */
    public void stepDone(CheckStep step) {
        List<Consumer<CheckStep>> listeners;
        synchronized (done) {
            done.add(step);
            listeners = List.copyOf(onStep);
        }
        listeners.forEach(l -> l.accept(step));
    }

    /** Runs {@code listener} for each completed step: at once for those done already, then as they complete. */
    public void onStep(Consumer<CheckStep> listener) {
        List<CheckStep> earlier;
        synchronized (done) {
            earlier = List.copyOf(done);
            onStep.add(listener);
        }
        earlier.forEach(listener);
    }

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
