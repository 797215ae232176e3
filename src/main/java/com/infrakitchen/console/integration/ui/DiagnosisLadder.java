package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The ladder of one diagnosis (docs/product.md 7): its outcome and headline, then each step in order with its
 * status (in words as well as colour), duration and one-line message; the first failing step is marked, and the
 * skipped steps after it show why they did not run. Below, the deciding exchange: HTTP status, the provider's own
 * message, ActivityId, URL. Built from {@link CheckStep}s, so any provider and kind of credential shows alike.
 * While a diagnosis runs it shows the steps done so far. Everything is text.
 */
class DiagnosisLadder extends Div {

    final Div head = new Div();
    final Span headline = new Span();
    final Span facts = new Span();
    final OrderedList steps = new OrderedList();
    private final Div exchange = new Div();
    private final String providerName;
    private final transient Clock clock;

    /** {@code clock}: headlines are worded as of its today (CheckCategory.headline(String, LocalDate)). */
    DiagnosisLadder(String providerName, Clock clock) {
        this.providerName = providerName;
        this.clock = clock;
        setId("diagnosis-ladder");
        addClassName("diagnosis-ladder");
        head.addClassName("ladder-head");
        headline.addClassName("ladder-headline");
        headline.setId("ladder-headline");
        facts.addClassName("ladder-facts");
        steps.addClassName("ladder-steps");
        exchange.addClassName("diagnosis-exchange");
        add(head, steps, exchange);
    }

    /** Nothing to show yet: {@code text} says so. */
    void showEmpty(String text) {
        clear("empty");
        headline.setText(text);
        head.add(headline);
    }

    void show(Diagnosis d, @Nullable String note) {
        CheckResult r = d.result();
        LocalDate today = LocalDate.now(clock);
        clear(r.outcome().name().toLowerCase(Locale.ROOT));
        headline.setText(r.outcome() == CheckOutcome.CONNECTED && r.identity() != null
                ? "Connected as " + r.identity() : r.headline(today));
        facts.setText(String.join(" · ", IntegrationTimes.format(r.startedAt()),
                d.trigger() == null ? "not stored" : d.trigger(), ConnectionIndicator.seconds(r.durationMillis())));
        Div line = new Div(ConnectionBadges.badge(r.outcome(), r.headline(today), false), headline);
        line.addClassName("ladder-headline-line");
        head.add(line, facts);
        if (note != null) {
            head.add(paragraph(note, "ladder-note"));
        }
        if (r.outcome() != CheckOutcome.CONNECTED) {
            head.add(paragraph(r.hint(today), "ladder-hint"));
        }
        rungs(r.steps());
        if (r.steps().isEmpty()) {
            steps.add(new ListItem(paragraph("No step ran: the test was refused before it started.", "ladder-none")));
        }
        if (r.decisive() != null) {
            exchange(r.decisive());
        }
    }

    /** A diagnosis in progress: the steps done so far and a row for the one running. */
    void showProgress(List<CheckStep> done, Duration elapsed) {
        clear("running");
        headline.setText("Running diagnostics…");
        facts.setText(elapsed.toSeconds() + " s elapsed · " + done.size() + (done.size() == 1 ? " step" : " steps")
                + " done");
        head.add(headline, facts);
        rungs(done);
        ProgressBar spinner = new ProgressBar();
        spinner.setIndeterminate(true);
        spinner.addClassName("ladder-spinner");
        ListItem next = new ListItem(spinner, new Span(done.isEmpty() ? "Starting…" : "Next step…"));
        next.addClassNames("ladder-step", "step-running");
        steps.add(next);
    }

    private void rungs(List<CheckStep> list) {
        boolean failedSeen = false;
        for (CheckStep step : list) {
            boolean first = !failedSeen && step.status() == StepStatus.FAILED;
            failedSeen |= first;
            steps.add(rung(step, first));
        }
    }

    private static ListItem rung(CheckStep step, boolean firstFailure) {
        String status = step.status().name().toLowerCase(Locale.ROOT);
        var icon = (switch (step.status()) {
            case PASSED -> VaadinIcon.CHECK;
            case WARNING -> VaadinIcon.WARNING;
            case FAILED -> VaadinIcon.CLOSE_SMALL;
            case SKIPPED -> VaadinIcon.MINUS;
        }).create();
        icon.addClassName("ladder-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        Span name = span(step.name(), "ladder-step-name");
        Span word = span(status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1), "ladder-step-status");
        Span took = span(step.status() == StepStatus.SKIPPED && step.durationMillis() == 0 ? ""
                : ConnectionIndicator.seconds(step.durationMillis()), "ladder-step-duration");
        Span message = span(step.summary(), "ladder-step-message");
        ListItem row = new ListItem(icon, name, word, took, message);
        row.addClassNames("ladder-step", "step-" + status);
        row.getElement().setAttribute("data-status", step.status().name());
        if (firstFailure) {
            row.addClassName("first-failure");
            Span mark = span("First failure", "ladder-first-failure");
            mark.getElement().getThemeList().add("badge error small");
            row.add(mark);
        }
        HttpDetails http = step.http();
        if (http != null && http.url() != null) {
            row.add(span((http.method() == null ? "" : http.method() + " ") + http.url()
                    + (http.status() == null ? "" : " → " + http.status()), "ladder-step-url"));
        }
        return row;
    }

    private void exchange(HttpDetails d) {
        exchange.setVisible(true);
        line("HTTP status", d.status() == null ? null : String.valueOf(d.status()));
        line(providerName + " message", d.serverMessage());
        line("ActivityId", d.activityId());
        line("Retry after", d.retryAfterSeconds() == null ? null : d.retryAfterSeconds() + " s");
        line("Redirect to host", d.redirectHost());
        line("Error", d.error());
        line("URL called", d.url() == null ? null : (d.method() == null ? "" : d.method() + " ") + d.url());
    }

    private void line(String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            exchange.add(span(label, "exchange-label"), span(value, "exchange-value"));
        }
    }

    private void clear(String state) {
        head.removeAll();
        steps.removeAll();
        exchange.removeAll();
        exchange.setVisible(false);
        facts.setText("");
        getElement().setAttribute("data-state", state);
    }

    private static Span span(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        return s;
    }

    private static Paragraph paragraph(String text, String className) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }
}
