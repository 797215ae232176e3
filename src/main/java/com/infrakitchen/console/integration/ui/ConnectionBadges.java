package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** The Connection status of a stored result, as a badge: Connected, Warning, Failed, or Outdated. */
final class ConnectionBadges {

    private ConnectionBadges() {
    }

    static Component badge(CheckRecord r, boolean outdated) {
        return badge(r.outcome(), r.headline(), outdated);
    }

    static Component badge(CheckOutcome outcome, String headline, boolean outdated) {
        Span badge = new Span(outdated ? "Outdated" : outcome.label());
        badge.getElement().getThemeList().add(outdated ? "badge contrast" : switch (outcome) {
            case CONNECTED -> "badge success";
            case WARNING -> "badge warning";
            case FAILED -> "badge error";
        });
        badge.getElement().setAttribute("title", headline);
        return badge;
    }
}
