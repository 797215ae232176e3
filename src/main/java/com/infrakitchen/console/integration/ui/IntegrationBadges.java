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

    /** From this many days left (or fewer) the expiry badge warns. */
    static final int EXPIRY_WARNING_DAYS = 14;
    /** Under this many days left (and once expired) it is an error. */
    static final int EXPIRY_ERROR_DAYS = 7;

    /** The countdown to a token's expiry: "in 12 days", "tomorrow", "today", "expired 3 days ago", "Not entered". */
    static String expiry(@Nullable LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return "Not entered";
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days < 0) {
            return "expired " + (-days) + (days == -1 ? " day ago" : " days ago");
        }
        if (days == 0) {
            return "today";
        }
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }

    /**
     * The countdown as a badge: a warning at {@value #EXPIRY_WARNING_DAYS} days or fewer, an error under
     * {@value #EXPIRY_ERROR_DAYS} and once expired; the date itself in the tooltip.
     */
    static Component expiryBadge(@Nullable LocalDate expiresOn, LocalDate today) {
        Span text = new Span(expiry(expiresOn, today));
        if (expiresOn != null) {
            long days = ChronoUnit.DAYS.between(today, expiresOn);
            if (days < EXPIRY_ERROR_DAYS) {
                text.getElement().getThemeList().add("badge error");
            } else if (days <= EXPIRY_WARNING_DAYS) {
                text.getElement().getThemeList().add("badge warning");
            }
            text.getElement().setAttribute("title", (days < 0 ? "Expired on " : "Expires on ") + expiresOn);
        } else {
            text.addClassName("muted");
        }
        return text;
    }
}
