package com.infrakitchen.console.audit.ui;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditEntry;
import com.infrakitchen.console.audit.AuditQuery;
import com.infrakitchen.console.audit.AuditService;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /audit}: the audit log, newest first, paged from the database, filtered by actor, action and
 * time range (UTC). Administrators only.
 */
@Route("audit")
@Menu(title = "Audit", order = 20, icon = "vaadin:list-ul")
@PageTitle("Audit log · InfraKitchen")
@RolesAllowed(Roles.ADMIN)
class AuditView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final transient AuditService audit;
    final ComboBox<String> actor = new ComboBox<>("Actor");
    final Select<AuditAction> action = new Select<>();
    final DatePicker from = new DatePicker("From (UTC)");
    final DatePicker to = new DatePicker("Until (UTC, inclusive)");
    final Span total = new Span();
    final Grid<AuditEntry> grid = new Grid<>();
    private AuditQuery query = AuditQuery.ALL;
    private long matching;

    AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("page");
        setSizeFull();

        actor.setItems(audit.actors());
        actor.setAllowCustomValue(true);
        actor.addCustomValueSetListener(e -> actor.setValue(e.getDetail()));
        actor.setClearButtonVisible(true);
        action.setLabel("Action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> a == null ? "Any action" : a.label());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Any action");
        Button clear = new Button("Clear filters", e -> clearFilters());
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actor.addValueChangeListener(e -> applyFilters());
        action.addValueChangeListener(e -> applyFilters());
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());

        HorizontalLayout filters = new HorizontalLayout(actor, action, from, to, clear);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("filters");

        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("Time (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(e -> actionLabel(e.action())).setHeader("Action").setWidth("12rem").setFlexGrow(0);
        grid.addColumn(AuditView::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(e -> e.outcome().toLowerCase(Locale.ROOT)).setHeader("Outcome").setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::sourceIp).setHeader("From").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(e -> e.details() == null ? "" : e.details()).setHeader("Details").setFlexGrow(1)
                .setTooltipGenerator(e -> e.details() == null ? "" : e.details());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(q -> audit.find(query, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(matching, Integer.MAX_VALUE));

        total.addClassName("result-count");
        add(filters, total, grid);
        updateTotal();
    }

    void applyFilters() {
        Instant start = from.getValue() == null ? null : toInstant(from.getValue());
        Instant end = to.getValue() == null ? null : toInstant(to.getValue().plusDays(1));
        if (start != null && end != null && !start.isBefore(end)) {
            to.setInvalid(true);
            to.setErrorMessage("Must not be before From");
            return;
        }
        to.setInvalid(false);
        query = new AuditQuery(actor.getValue(), action.getValue(), start, end);
        updateTotal();
        grid.getDataProvider().refreshAll();
    }

    private void clearFilters() {
        actor.clear();
        action.clear();
        from.clear();
        to.clear();
        applyFilters();
    }

    private void updateTotal() {
        // counted once per filter change; the grid's count callback reuses it
        matching = audit.count(query);
        total.setText(matching == 1 ? "1 event" : matching + " events");
    }

    private static Instant toInstant(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String actionLabel(String action) {
        try {
            return AuditAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private static String target(AuditEntry e) {
        if (e.targetType() == null) {
            return "";
        }
        String name = e.targetName() == null ? "" : " " + e.targetName();
        return e.targetType().toLowerCase(Locale.ROOT) + name;
    }
}
