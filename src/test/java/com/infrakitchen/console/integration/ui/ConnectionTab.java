package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** What the browserless tests of the Connection tab read from it: the ladder's rows as text, and waiting on pushes. */
final class ConnectionTab {

    private ConnectionTab() {
    }

    /** Each rung as "status | name | duration | message", plus " | FIRST FAILURE" on the marked one. */
    static List<String> rungs(DiagnosisLadder ladder) {
        return ladder.steps.getChildren().filter(c -> c.hasClassName("ladder-step") && !c.hasClassName(
                "step-running")).map(ConnectionTab::rung).toList();
    }

    static String rung(Component row) {
        String s = text(row, "ladder-step-status") + " | " + text(row, "ladder-step-name") + " | "
                + text(row, "ladder-step-duration") + " | " + text(row, "ladder-step-message");
        return row.hasClassName("first-failure") ? s + " | FIRST FAILURE" : s;
    }

    static boolean hasRunningRow(DiagnosisLadder ladder) {
        return ladder.steps.getChildren().anyMatch(c -> c.hasClassName("step-running"));
    }

    static String text(Component row, String className) {
        return row.getChildren().filter(c -> c.hasClassName(className)).map(c -> ((Span) c).getText())
                .collect(Collectors.joining());
    }

    /** Runs pushed updates (then the test's round trip) until {@code done}, and asserts it. */
    static void await(BooleanSupplier done, Runnable roundTrip, String what) {
        long deadline = System.nanoTime() + PushedResults.DEFAULT_WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            PushedResults.runPushedUpdates(roundTrip);
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }
}
