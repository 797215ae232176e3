package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.Component;

/** The Connection status of a stored result, as a badge: Connected, Warning, Failed, or Outdated. */
final class ConnectionBadges {

    private ConnectionBadges() {
    }

    static Component badge(CheckRecord r, boolean outdated) {
        return badge(r.outcome(), r.headline(), outdated);
    }

    static Component badge(CheckOutcome outcome, String headline, boolean outdated) {
        return of(outcome, headline, outdated).span();
    }

    /** The badge's text and theme, with the result's headline as its tooltip. */
    static Badge of(CheckOutcome outcome, String headline, boolean outdated) {
        return new Badge(outdated ? "Outdated" : outcome.label(), outdated ? "badge contrast" : switch (outcome) {
            case CONNECTED -> "badge success";
            case WARNING -> "badge warning";
            case FAILED -> "badge error";
        }, headline, null);
    }
}
