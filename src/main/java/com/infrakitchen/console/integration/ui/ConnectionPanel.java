package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The Connection tab (docs/product.md 7): the last diagnosis as a ladder of steps, and the history of tests
 * (when, trigger, who, outcome, duration), newest first.
 */
class ConnectionPanel extends VerticalLayout {

    private final transient CheckService checks;
    private final UUID integrationId;
    final Div last = new Div();
    final Grid<CheckRecord> grid = new Grid<>();

    ConnectionPanel(CheckService checks, UUID integrationId) {
        this.checks = checks;
        this.integrationId = integrationId;
        setPadding(false);
        addClassName("connection-panel");
        last.addClassName("last-diagnosis");
        grid.setId("check-history");
        grid.addColumn(r -> IntegrationTimes.format(r.checkedAt())).setHeader("When").setAutoWidth(true);
        grid.addComponentColumn(r -> ConnectionBadges.badge(r, false)).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(CheckRecord::headline).setHeader("Diagnosis").setFlexGrow(1);
        grid.addColumn(r -> ConnectionIndicator.seconds(r.durationMillis())).setHeader("Duration").setAutoWidth(true);
        grid.addColumn(r -> r.trigger().name().charAt(0) + r.trigger().name().substring(1).toLowerCase(
                Locale.ROOT) + " · " + r.actor()).setHeader("Trigger").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H3("Last diagnosis"), last, new H3("Tests"), grid);
    }

    void refresh(IntegrationDetail current) {
        List<CheckRecord> history = checks.history(integrationId, 50);
        grid.setItems(history);
        last.removeAll();
        if (history.isEmpty()) {
            last.add(new Paragraph("This integration has not been tested yet. Use Test Connection on the Overview."));
            return;
        }
        CheckRecord newest = history.get(0);
        var latest = checks.latest(List.of(integrationId)).get(integrationId);
        boolean outdated = latest != null && latest.outdated();
        Span when = new Span(newest.headline() + " · " + IntegrationTimes.format(newest.checkedAt())
                + (outdated ? " · outdated: the organization or token changed since" : ""));
        when.addClassName("last-diagnosis-headline");
        DiagnosisDetails details = new DiagnosisDetails(newest.asResult());
        details.setOpened(true);
        last.add(when, details);
    }
}
