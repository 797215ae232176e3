package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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

    /** The countdown to a token's expiry: "in 12 days", "tomorrow", "today", "expired 3 days ago", "Not entered". */
    static String expiry(@Nullable LocalDate expiresOn, LocalDate today) {
        return expiresOn == null ? "Not entered" : CredentialExpiry.countdown(expiresOn, today);
    }

    /**
     * The badge theme of an expiry's level (CredentialExpiry): a warning within 14 days, an error within 7, on the
     * last day and once expired; null when there is nothing to say.
     */
    static @Nullable String expiryTheme(CredentialExpiry.Level level) {
        return switch (level) {
            case NONE -> null;
            case DAYS_14 -> "badge warning";
            case DAYS_7, DAYS_1, EXPIRED -> "badge error";
        };
    }

    /** The grid's countdown of a row's credential: its token's expiry, or its SSH key's (a year after it was added). */
    static Component expiryBadge(IntegrationSummary row, LocalDate today) {
        if (row.method() != AuthMethod.SSH) {
            return expiryBadge(row.tokenExpiresOn(), today, "");
        }
        Component badge = expiryBadge(row.expiresOn(), today, "SSH key ");
        if (row.sshKeyAddedOn() != null) {
            badge.getElement().setAttribute("title", badge.getElement().getAttribute("title") + " (added on "
                    + row.sshKeyAddedOn() + ")");
        }
        return badge;
    }

    /** The countdown as a badge in the tone of its level; the date itself in the tooltip. */
    static Component expiryBadge(@Nullable LocalDate expiresOn, LocalDate today) {
        return expiryBadge(expiresOn, today, "");
    }

    private static Component expiryBadge(@Nullable LocalDate expiresOn, LocalDate today, String what) {
        Span text = new Span(expiry(expiresOn, today));
        if (expiresOn != null) {
            CredentialExpiry.Level level = CredentialExpiry.level(expiresOn, today);
            String theme = expiryTheme(level);
            if (theme != null) {
                text.getElement().getThemeList().add(theme);
            }
            String verb = level == CredentialExpiry.Level.EXPIRED ? "Expired on " : "Expires on ";
            text.getElement().setAttribute("title", what.isEmpty() ? verb + expiresOn
                    : what + verb.toLowerCase(Locale.ROOT) + expiresOn);
        } else {
            text.addClassName("muted");
        }
        return text;
    }
}
