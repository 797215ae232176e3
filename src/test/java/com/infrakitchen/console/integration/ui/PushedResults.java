package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.ui.ConnectionIndicator.State;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;

/**
 * Browserless tests of Test Connection: the check runs on a background thread and pushes its result with
 * {@code UI.access}; these run the queued pushes as the browser's next request would, until the indicator leaves
 * Testing.
 */
final class PushedResults {

    /** Generous: a loaded 2-core CI machine runs Spring, the fake and the check side by side. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private PushedResults() {
    }

    /**
     * Runs what background threads queued with UI.access (server push), then {@code roundTrip} (the test's own
     * {@code roundTrip()}, protected in Vaadin's base test class), as the next request would.
     */
    static void runPushedUpdates(Runnable roundTrip) {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip.run();
    }

    /** Runs pushed updates until {@code control}'s indicator is no longer Testing, and asserts it is not. */
    static void awaitResult(ConnectionTestControl control, Runnable roundTrip) {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (control.indicator.state() == State.TESTING && System.nanoTime() < deadline) {
            runPushedUpdates(roundTrip);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(control.indicator.state()).as(() -> "run " + control.running() + " done="
                + (control.running() == null ? "-" : control.running().result().isDone() + " "
                + control.running().result().getNow(null))).isNotEqualTo(State.TESTING);
    }
}
