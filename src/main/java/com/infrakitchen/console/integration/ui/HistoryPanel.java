package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditEntry;
import com.infrakitchen.console.audit.AuditService;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.UUID;

/** The History tab: this integration's audit events, newest first; secrets appear only as "changed". */
class HistoryPanel extends VerticalLayout {

    static final int LIMIT = 200;

    private final transient AuditService audit;
    private final UUID id;
    final Grid<AuditEntry> grid = new Grid<>();

    HistoryPanel(AuditService audit, UUID id) {
        this.audit = audit;
        this.id = id;
        setPadding(false);
        grid.addColumn(e -> IntegrationTimes.format(e.occurredAt())).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> label(e.action())).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> ChangeText.describe(e.details())).setHeader("Changes").setFlexGrow(1)
                .setTooltipGenerator(e -> ChangeText.describe(e.details()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("history-grid");
        add(grid);
    }

    void refresh() {
        grid.setItems(audit.historyOfIntegration(id, LIMIT));
    }

    private static String label(String action) {
        try {
            return AuditAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }
}
