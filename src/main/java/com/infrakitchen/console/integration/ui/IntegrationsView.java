package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSort;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /integrations}: saved integrations, paged from the database with sorting and filtering in SQL;
 * search and filters live in the URL so a view can be shared (docs/product.md section 6).
 */
@Route("integrations")
@Menu(title = "Integrations", order = 10, icon = "vaadin:connect")
@PageTitle("Integrations" + MainLayout.TITLE_SUFFIX)
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
class IntegrationsView extends VerticalLayout implements BeforeEnterObserver {

    private final transient IntegrationService integrations;
    private final transient Clock clock;
    private final transient CheckService checks;
    final TextField search = new TextField();
    final MultiSelectComboBox<String> labelFilter = new MultiSelectComboBox<>();
    final Select<String> methodFilter = new Select<>();
    final Select<String> statusFilter = new Select<>();
    final Select<String> connectionFilter = new Select<>();
    final Checkbox expiringFilter = new Checkbox();
    final Grid<IntegrationSummary> grid = new Grid<>();
    final Div emptyState;
    final Div noMatches;
    final Span total = new Span();
    private final HorizontalLayout toolbar;
    private IntegrationFilter filter = IntegrationFilter.NONE;
    private long matching;
    private boolean restoring;
    private @Nullable Registration resize;

    public IntegrationsView(IntegrationService integrations, CheckService checks, Clock clock) {
        this.integrations = integrations;
        this.checks = checks;
        this.clock = clock;
        addClassName("page");
        setSizeFull();

        GridFilters.configure(search, labelFilter, methodFilter, statusFilter, connectionFilter, expiringFilter,
                integrations.labelsInUse());
        search.addValueChangeListener(e -> filtersChanged());
        labelFilter.addValueChangeListener(e -> filtersChanged());
        methodFilter.addValueChangeListener(e -> filtersChanged());
        statusFilter.addValueChangeListener(e -> filtersChanged());
        connectionFilter.addValueChangeListener(e -> filtersChanged());
        expiringFilter.addValueChangeListener(e -> filtersChanged());

        toolbar = new HorizontalLayout(search, labelFilter, methodFilter, statusFilter, connectionFilter,
                expiringFilter, total);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);
        toolbar.addClassName("toolbar");
        if (CurrentUser.isEditorOrAdmin()) {
            Button setup = setupButton();
            toolbar.add(setup);
            toolbar.expand(total);
        }
        total.addClassName("result-count");

        configureGrid();
        emptyState = emptyState();
        Button clearFilters = new Button("Clear filters", e -> clearFilters());
        clearFilters.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        noMatches = new Div(new Paragraph("No integrations match these filters."), clearFilters);
        noMatches.addClassName("no-matches");
        add(toolbar, emptyState, noMatches, grid);
    }

    private Button setupButton() {
        Button setup = new Button("Set up Azure DevOps", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(IntegrationSetupView.class)));
        setup.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        setup.setId("setup-azure-devops");
        return setup;
    }

    private void configureGrid() {
        grid.setId("integrations-grid");
        GridColumns.add(grid, clock);
        if (CurrentUser.isEditorOrAdmin()) {
            GridActions actions = new GridActions(integrations, checks, this::refresh, clock);
            grid.addColumn(actions.renderer()).setHeader("").setWidth("3.5rem").setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        grid.setMultiSort(false);
        grid.setItems(query -> {
            IntegrationSort sort = query.getSortOrders().stream().findFirst()
                    .map(o -> new IntegrationSort(IntegrationSort.Field.valueOf(o.getSorted()),
                            o.getDirection() == SortDirection.ASCENDING))
                    .orElse(IntegrationSort.DEFAULT);
            // one query per page: the rows come with their newest check (IntegrationSummary.lastCheck)
            return integrations.find(filter, sort, query.getOffset(), query.getLimit()).stream();
        }, query -> (int) Math.min(matching, Integer.MAX_VALUE));
        grid.addSortListener(e -> writeUrl());
        grid.setSizeFull();
    }

    private Div emptyState() {
        Div box = new Div(VaadinIcon.CONNECT_O.create(), new H2("No integrations yet"),
                new Paragraph("Connect InfraKitchen to Azure DevOps to let it open pull requests on your teams'"
                        + " repositories."));
        if (CurrentUser.isEditorOrAdmin()) {
            box.add(setupButton());
        } else {
            box.add(new Paragraph("Ask an editor to set one up."));
        }
        box.addClassName("empty-state");
        return box;
    }

    /** A phone's grid keeps name, connection and token expiry (GridColumns.fit), also after a rotation. */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> GridColumns.fit(grid, details.getWindowInnerWidth()));
        resize = page.addBrowserWindowResizeListener(e -> GridColumns.fit(grid, e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resize != null) {
            resize.remove();
            resize = null;
        }
        super.onDetach(event);
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        readFilters();
        writeUrl();
        refresh();
    }

    private void readFilters() {
        // "Expiring soon" counts from the application Clock's today, read again at every change
        filter = GridUrl.filter(search.getValue(), labelFilter.getValue(), methodFilter.getValue(),
                statusFilter.getValue(), connectionFilter.getValue(), expiringFilter.getValue(), LocalDate.now(clock));
    }

    void refresh() {
        // counted once per filter or data change; the grid's count callback reuses it
        matching = integrations.count(filter);
        grid.getDataProvider().refreshAll();
        boolean noneAtAll = matching == 0 && filter.equals(IntegrationFilter.NONE);
        emptyState.setVisible(noneAtAll);
        toolbar.setVisible(!noneAtAll);
        noMatches.setVisible(matching == 0 && !noneAtAll);
        grid.setVisible(matching > 0);
        total.setText(matching == 1 ? "1 integration" : matching + " integrations");
    }

    private void clearFilters() {
        restoring = true;
        search.clear();
        labelFilter.clear();
        methodFilter.setValue("");
        statusFilter.setValue("");
        connectionFilter.setValue("");
        expiringFilter.setValue(false);
        restoring = false;
        filtersChanged();
    }

    private void writeUrl() {
        var order = grid.getSortOrder().stream().findFirst();
        Map<String, List<String>> params = GridUrl.params(filter, search.getValue(),
                order.map(o -> o.getSorted().getKey()).orElse(null),
                order.map(o -> o.getDirection() == SortDirection.DESCENDING).orElse(false));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("integrations", new QueryParameters(params))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        GridUrl url = GridUrl.parse(event.getLocation().getQueryParameters().getParameters());
        restoring = true;
        search.setValue(url.search());
        labelFilter.setValue(url.labels());
        methodFilter.setValue(url.method());
        statusFilter.setValue(url.status());
        connectionFilter.setValue(url.connection());
        expiringFilter.setValue(url.expiring());
        if (url.sortKey() != null) {
            grid.getColumns().stream().filter(c -> url.sortKey().equals(c.getKey())).findFirst().ifPresent(c -> grid.sort(
                    List.of(new GridSortOrder<>(c, url.descending() ? SortDirection.DESCENDING
                            : SortDirection.ASCENDING))));
        }
        restoring = false;
        readFilters();
        refresh();
    }
}
