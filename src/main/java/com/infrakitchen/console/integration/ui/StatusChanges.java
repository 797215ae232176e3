package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.StatusChange;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The Connection tab's recent changes of outcome, newest first (decision 0015): "2026-12-02 04:10 UTC Connected →
 * Failed (scheduled)"; the first stored result reads "First result: Connected".
 */
class StatusChanges extends UnorderedList {

    static final int LIMIT = 10;

    StatusChanges() {
        setId("status-changes");
        addClassName("status-changes");
    }

    void show(List<StatusChange> changes) {
        removeAll();
        if (changes.isEmpty()) {
            add(new ListItem("No stored results yet."));
            return;
        }
        for (StatusChange c : changes) {
            String what = (c.from() == null ? "First result: " : c.from().label() + " → ") + c.to().label();
            ListItem item = new ListItem(IntegrationTimes.format(c.changedAt()) + " " + what + " ("
                    + trigger(c.trigger()) + ")");
            item.addClassName("status-change");
            add(item);
        }
    }

    private static String trigger(CheckTrigger t) {
        return switch (t) {
            case MANUAL -> "Test Connection";
            case FORM -> "setup form";
            case DIAGNOSTICS -> "Run diagnostics";
            case SCHEDULED -> "scheduled";
        };
    }
}
