package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckRun;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Test Connection with its indicator. The test runs on the server off the UI thread; its result and the
 * elapsed-seconds ticks arrive by server push. A result is bound to the values it tested ({@code valuesKey}
 * at the moment of the click): when the form no longer holds those values the indicator says Outdated,
 * and when they are restored it shows the result again. Leaving the page cancels a running test.
 */
class ConnectionTestControl extends Div {

    final Button test = new Button("Test Connection");
    final ConnectionIndicator indicator;
    private final Supplier<Optional<CheckRun>> starter;
    private final Supplier<String> valuesKey;
    private final transient Clock clock;
    private @Nullable CheckRun running;
    private @Nullable String testedKey;
    private @Nullable CheckResult lastResult;

    /**
     * @param starter   starts a test of the form's current values (or returns empty when it showed why not)
     * @param valuesKey identifies the values a test would use now (organization and token), never revealing them
     * @param clock     the application clock, which also timed the test's start: the elapsed seconds come from it
     */
    ConnectionTestControl(Supplier<Optional<CheckRun>> starter, Supplier<String> valuesKey, Clock clock) {
        this.starter = starter;
        this.valuesKey = valuesKey;
        this.clock = clock;
        this.indicator = new ConnectionIndicator(clock);
        addClassName("connection-test");
        test.setId("test-connection");
        test.addClickListener(e -> start());
        add(test, indicator);
    }

    void start() {
        if (running != null) {
            return;
        }
        String key = valuesKey.get();
        Optional<CheckRun> started = starter.get();
        if (started.isEmpty()) {
            return;
        }
        CheckRun run = started.get();
        running = run;
        testedKey = key;
        test.setEnabled(false);
        indicator.showTesting(this::cancel);
        bringIntoView();
        UI ui = UI.getCurrent();
        scheduleTick(ui, run);
        run.result().thenAccept(result -> Push.access(ui, () -> finished(run, result)));
    }

    private void scheduleTick(@Nullable UI ui, CheckRun run) {
        CompletableFuture.runAsync(() -> Push.access(ui, () -> {
            if (running == run) {
                indicator.showElapsed(Duration.between(run.startedAt(), clock.instant()));
                scheduleTick(ui, run);
            }
        }), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }

    private void finished(CheckRun run, CheckResult result) {
        if (running != run) {
            return; // cancelled meanwhile: the user was already told
        }
        running = null;
        test.setEnabled(true);
        lastResult = result;
        indicator.showResult(result);
        if (!Objects.equals(testedKey, valuesKey.get())) {
            indicator.showOutdated();
        }
        bringIntoView();
    }

    /**
     * The indicator sits below a long form: at 1366x900 it would end up mostly below the fold. Scrolls just enough
     * (nearest) for the user to see what happened, without moving a page where it is already visible.
     */
    private void bringIntoView() {
        indicator.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.SMOOTH, ScrollOptions.Alignment.NEAREST,
                ScrollOptions.Alignment.NEAREST));
    }

    void cancel() {
        CheckRun run = running;
        if (run == null) {
            return;
        }
        running = null;
        run.cancel();
        test.setEnabled(true);
        indicator.showCancelled(lastResult != null && Objects.equals(testedKey, valuesKey.get()) ? lastResult : null);
    }

    /** Call when a value the test uses may have changed. */
    void valuesChanged() {
        if (running != null || lastResult == null) {
            return;
        }
        if (Objects.equals(testedKey, valuesKey.get())) {
            if (indicator.state() == ConnectionIndicator.State.OUTDATED) {
                indicator.showResult(lastResult);
            }
        } else if (indicator.state() != ConnectionIndicator.State.OUTDATED) {
            indicator.showOutdated();
        }
    }

    /** Shows a stored result (detail page), outdated or not. */
    void showStored(CheckResult result, boolean outdated) {
        showStored(result, outdated, valuesKey.get());
    }

    /**
     * As {@link #showStored(CheckResult, boolean)} for a result of the stored values, {@code storedKey} being their
     * values key: when the form holds other values (edited while Run diagnostics ran), the result shows as outdated.
     */
    void showStored(CheckResult result, boolean outdated, String storedKey) {
        lastResult = result;
        testedKey = outdated ? null : storedKey;
        indicator.showResult(result);
        if (outdated || !Objects.equals(testedKey, valuesKey.get())) {
            indicator.showOutdated();
        }
    }

    /** The result shown for the current values, if it is current (not outdated, no test running). */
    Optional<CheckResult> currentResult() {
        if (running != null || lastResult == null || !Objects.equals(testedKey, valuesKey.get())) {
            return Optional.empty();
        }
        return Optional.of(lastResult);
    }

    /** The test in progress, if any (tests wait on it). */
    @Nullable CheckRun running() {
        return running;
    }

    boolean isTesting() {
        return running != null;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        CheckRun run = running;
        running = null;
        if (run != null) {
            run.cancel(); // docs/security.md 6.3 H-19: leaving the page stops the calls
        }
        super.onDetach(detachEvent);
    }

}
