package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.StepStatus;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The expandable details of a diagnosis (docs/product.md 5.2): each step with its status, duration and
 * message, and for the exchange that decided a failure: the HTTP status, the server's own message, the
 * ActivityId and the URL called (never the token). Everything is text; no server content is rendered as
 * HTML.
 */
class DiagnosisDetails extends Details {

    DiagnosisDetails(CheckResult result) {
        super("Details");
        addClassName("diagnosis-details");
        setId("connection-details");
        Div body = new Div();
        body.addClassName("diagnosis-body");
        if (result.decisive() != null) {
            body.add(exchange(result.decisive()));
        }
        Div ladder = new Div();
        ladder.addClassName("diagnosis-steps");
        for (CheckStep step : result.steps()) {
            ladder.add(step(step));
        }
        body.add(ladder);
        add(body);
        setOpened(false);
    }

    private static Div step(CheckStep step) {
        Div row = new Div();
        row.addClassName("diagnosis-step");
        row.addClassName("step-" + step.status().name().toLowerCase(Locale.ROOT));
        var icon = (switch (step.status()) {
            case PASSED -> VaadinIcon.CHECK;
            case WARNING -> VaadinIcon.WARNING;
            case FAILED -> VaadinIcon.CLOSE_SMALL;
            case SKIPPED -> VaadinIcon.MINUS;
        }).create();
        icon.addClassName("step-icon");
        Span name = new Span(step.name());
        name.addClassName("step-name");
        Span took = new Span(step.status() == StepStatus.SKIPPED && step.durationMillis() == 0 ? ""
                : step.durationMillis() + " ms");
        took.addClassName("step-duration");
        Span message = new Span(step.summary());
        message.addClassName("step-message");
        row.add(icon, name, took, message);
        if (step.http() != null && step.http().url() != null) {
            Span url = new Span(step.http().method() + " " + step.http().url()
                    + (step.http().status() == null ? "" : " → " + step.http().status()));
            url.addClassName("step-url");
            row.add(url);
        }
        return row;
    }

    private static Div exchange(HttpDetails d) {
        Div box = new Div();
        box.addClassName("diagnosis-exchange");
        line(box, "HTTP status", d.status() == null ? null : String.valueOf(d.status()));
        line(box, "Server message", d.serverMessage());
        line(box, "Retry after", d.retryAfterSeconds() == null ? null : d.retryAfterSeconds() + " s");
        line(box, "Redirect to host", d.redirectHost());
        line(box, "Error", d.error());
        line(box, "ActivityId", d.activityId());
        line(box, "URL called", d.url() == null ? null : d.method() + " " + d.url());
        return box;
    }

    private static void line(Div box, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span l = new Span(label);
        l.addClassName("exchange-label");
        Span v = new Span(value);
        v.addClassName("exchange-value");
        box.add(l, v);
    }
}
