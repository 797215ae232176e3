package com.infrakitchen.console.integration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small pieces shared by the grid and the detail page: label chips, status and expiry badges. */
final class IntegrationBadges {

    private IntegrationBadges() {
    }

    static Component labels(List<String> labels) {
        Div chips = new Div();
        chips.addClassName("label-chips");
        for (String label : labels) {
            Span chip = new Span(label);
            chip.getElement().getThemeList().add("badge contrast pill small");
            chips.add(chip);
        }
        return chips;
    }

    static Component status(boolean enabled) {
        Span badge = new Span(enabled ? "Enabled" : "Disabled");
        badge.getElement().getThemeList().add(enabled ? "badge success" : "badge contrast");
        return badge;
    }

    static Component neverTested() {
        Span badge = new Span("Never tested");
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    /** "2026-12-31 (in 33 days)", "expired 3 days ago", or "not entered". */
    static String expiry(@Nullable LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return "Not entered";
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days < 0) {
            return expiresOn + " (expired " + (-days) + (days == -1 ? " day ago)" : " days ago)");
        }
        if (days == 0) {
            return expiresOn + " (expires today)";
        }
        return expiresOn + " (in " + days + (days == 1 ? " day)" : " days)");
    }

    static Component expiryBadge(@Nullable LocalDate expiresOn, LocalDate today) {
        Span text = new Span(expiry(expiresOn, today));
        if (expiresOn != null) {
            long days = ChronoUnit.DAYS.between(today, expiresOn);
            if (days < 0) {
                text.getElement().getThemeList().add("badge error");
            } else if (days <= 14) {
                text.getElement().getThemeList().add("badge warning");
            }
        } else {
            text.addClassName("muted");
        }
        return text;
    }
}
