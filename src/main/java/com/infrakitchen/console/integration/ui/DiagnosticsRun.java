package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckStep;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Run diagnostics and its Cancel: starts a test of the stored credential, off the UI thread, and reports each step
 * as the checker completes it, the elapsed seconds and the end, all by server push ({@code UI.access}). Cancel, or
 * leaving the page, stops the calls in flight. Showing is the listener's.
 */
class DiagnosticsRun extends Div {

    /** What the Connection tab does with a run. Called on the UI thread. */
    interface Listener {
        void started();

        void progress(List<CheckStep> done, Duration elapsed);

        void finished(CheckRun run, CheckResult result);

        void cancelled();
    }

    final Button run = new Button("Run diagnostics", VaadinIcon.CLIPBOARD_PULSE.create());
    final Button cancel = new Button("Cancel");
    private final Supplier<CheckRun> starter;
    private final Listener listener;
    private final transient Clock clock;
    private final List<CheckStep> done = new ArrayList<>();
    private @Nullable CheckRun running;

    DiagnosticsRun(Supplier<CheckRun> starter, Listener listener, Clock clock) {
        this.starter = starter;
        this.listener = listener;
        this.clock = clock;
        addClassName("diagnostics-run");
        run.setId("run-diagnostics");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        cancel.setId("cancel-diagnostics");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> cancel());
        cancel.setVisible(false);
        add(run, cancel);
    }

    void start() {
        if (running != null) {
            return;
        }
        CheckRun r = starter.get();
        running = r;
        done.clear();
        run.setEnabled(false);
        cancel.setVisible(true);
        listener.started();
        listener.progress(List.of(), Duration.ZERO);
        UI ui = UI.getCurrent();
        r.onStep(step -> Push.access(ui, () -> {
            if (running == r) {
                done.add(step);
                listener.progress(List.copyOf(done), elapsed(r));
            }
        }));
        tick(ui, r);
        r.result().thenAccept(result -> Push.access(ui, () -> finished(r, result)));
    }

    private void tick(@Nullable UI ui, CheckRun r) {
        CompletableFuture.runAsync(() -> Push.access(ui, () -> {
            if (running == r) {
                listener.progress(List.copyOf(done), elapsed(r));
                tick(ui, r);
            }
        }), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    private Duration elapsed(CheckRun r) {
        return Duration.between(r.startedAt(), clock.instant());
    }

    private void finished(CheckRun r, CheckResult result) {
        if (running != r) {
            return; // cancelled meanwhile: already shown
        }
        reset();
        listener.finished(r, result);
    }

    void cancel() {
        CheckRun r = running;
        if (r == null) {
            return;
        }
        reset();
        r.cancel();
        listener.cancelled();
    }

    boolean isRunning() {
        return running != null;
    }

    /** The run in progress, if any (tests wait on it). */
    @Nullable CheckRun running() {
        return running;
    }

    private void reset() {
        running = null;
        run.setEnabled(true);
        cancel.setVisible(false);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        CheckRun r = running;
        running = null;
        if (r != null) {
            r.cancel(); // docs/security.md 6.3 H-19: leaving the page stops the calls
        }
        super.onDetach(event);
    }

}
