package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.ConnectionState;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The live indicator beside Test Connection (docs/product.md 5.1): Not tested, Testing (spinner, elapsed
 * seconds, Cancel), Connected, Warning, Failed (headline, hint, expandable details) and Outdated. It only
 * shows; {@link ConnectionTestControl} decides when.
 */
class ConnectionIndicator extends Div {

    enum State { NOT_TESTED, TESTING, CONNECTED, WARNING, FAILED, OUTDATED }

    private State state = State.NOT_TESTED;
    private @Nullable CheckResult shown;
    final Span headline = new Span();
    final Span summary = new Span();
    final Button cancel = new Button("Cancel");
    private final Div icon = new Div();
    private final Div text = new Div();
    private Runnable onCancel = () -> { };
    /** Headlines are worded as of the application Clock's today (CheckCategory.headline(String, LocalDate)). */
    private final transient Clock clock;

    ConnectionIndicator(Clock clock) {
        this.clock = clock;
        addClassName("connection-indicator");
        setId("connection-indicator");
        headline.addClassName("connection-headline");
        headline.setId("connection-headline");
        summary.addClassName("connection-summary");
        summary.setId("connection-summary");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        cancel.setId("connection-cancel");
        cancel.addClickListener(e -> onCancel.run());
        icon.addClassName("connection-icon");
        text.addClassName("connection-text");
        add(icon, text);
        showNotTested();
    }

    State state() {
        return state;
    }

    @Nullable CheckResult shownResult() {
        return shown;
    }

    private String notTestedHint = "Test Connection checks the organization and token against Azure DevOps before"
            + " you save.";

    /** What the "not tested" line says the test checks (token or SSH key). */
    void setNotTestedHint(String hint) {
        notTestedHint = hint;
        if (state == State.NOT_TESTED && shown == null) {
            summary.setText(hint);
        }
    }

    void showNotTested() {
        render(State.NOT_TESTED, VaadinIcon.CIRCLE_THIN, "Not tested yet", notTestedHint);
        shown = null;
    }

    /** After Cancel: back to the last result of these values, or to "not tested". */
    void showCancelled(@Nullable CheckResult previous) {
        if (previous != null) {
            showResult(previous);
            return;
        }
        render(State.NOT_TESTED, VaadinIcon.CIRCLE_THIN, "Test cancelled",
                "Nothing was concluded. Test again when you are ready.");
        shown = null;
    }

    void showTesting(Runnable cancelAction) {
        onCancel = cancelAction;
        render(State.TESTING, null, "Testing…", "");
        ProgressBar spinner = new ProgressBar();
        spinner.setIndeterminate(true);
        spinner.addClassName("connection-spinner");
        icon.add(spinner);
        summary.setText("0 s elapsed");
        text.add(cancel);
    }

    void showElapsed(Duration elapsed) {
        if (state == State.TESTING) {
            summary.setText(elapsed.toSeconds() + " s elapsed");
        }
    }

    void showResult(CheckResult result) {
        shown = result;
        State s = switch (result.outcome()) {
            case CONNECTED -> State.CONNECTED;
            case WARNING -> State.WARNING;
            case FAILED -> State.FAILED;
        };
        VaadinIcon glyph = switch (result.outcome()) {
            case CONNECTED -> VaadinIcon.CHECK_CIRCLE;
            case WARNING -> VaadinIcon.WARNING;
            case FAILED -> VaadinIcon.CLOSE_CIRCLE;
        };
        String head = result.outcome() == CheckOutcome.CONNECTED ? connectedHeadline(result)
                : result.headline(LocalDate.now(clock));
        render(s, glyph, head, facts(result));
        if (result.outcome() != CheckOutcome.CONNECTED) {
            Div hint = new Div();
            hint.setText(result.hint(LocalDate.now(clock)));
            hint.addClassName("connection-hint");
            hint.setId("connection-hint");
            text.add(hint);
        }
        if (!result.steps().isEmpty() || result.decisive() != null) {
            text.add(new DiagnosisDetails(result));
        }
    }

    /**
     * Under a stored result: since when its outcome has held ("Failed since 2026-12-02 04:10 UTC (3 hours ago)"),
     * from the stored connection status (docs/decisions/0015). Shown only when it describes the result shown.
     */
    void showSince(ConnectionState status) {
        CheckResult result = shown;
        if (result == null || result.outcome() != status.outcome() || state == State.OUTDATED) {
            return;
        }
        Div since = new Div();
        since.setText(status.outcome().label() + " since " + IntegrationTimes.format(status.since()) + " ("
                + IntegrationTimes.ago(status.since(), clock.instant()) + ")");
        since.addClassName("connection-since");
        since.setId("connection-since");
        text.addComponentAtIndex(2, since);
    }

    /** A value the last test used was edited: its result no longer applies (docs/product.md 5.1). */
    void showOutdated() {
        CheckResult last = shown;
        render(State.OUTDATED, VaadinIcon.REFRESH, "Changed since the last test",
                last == null ? "Test again to check the new values."
                        : "The last test (" + last.outcome().label().toLowerCase(Locale.ROOT)
                                + ") was of other values. Test again to check these.");
        shown = last;
    }

    private static String connectedHeadline(CheckResult r) {
        return r.identity() == null ? r.headline() : "Connected as " + r.identity();
    }

    /** "2 projects, 3 repositories · 0.4 s". */
    static String facts(CheckResult r) {
        StringBuilder s = new StringBuilder();
        if (r.repositoryCount() != null) {
            if (r.projectCount() != null) {
                s.append(r.projectCount()).append(r.projectCount() == 1 ? " project, " : " projects, ");
            }
            s.append(r.repositoryCount()).append(r.repositoryCount() == 1 ? " repository" : " repositories");
        }
        if (r.outcome() != CheckOutcome.FAILED || r.durationMillis() > 0) {
            if (!s.isEmpty()) {
                s.append(" · ");
            }
            s.append(seconds(r.durationMillis()));
        }
        return s.toString();
    }

    static String seconds(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis / 1000 + " s";
    }

    private void render(State s, @Nullable VaadinIcon glyph, String head, String sub) {
        state = s;
        for (State each : State.values()) {
            removeClassName("state-" + each.name().toLowerCase(Locale.ROOT));
        }
        addClassName("state-" + s.name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("data-state", s.name());
        icon.removeAll();
        if (glyph != null) {
            Icon i = glyph.create();
            icon.add(i);
        }
        headline.setText(head);
        summary.setText(sub);
        summary.setVisible(!sub.isEmpty() || s == State.TESTING);
        text.removeAll();
        text.add(headline, summary);
    }
}
