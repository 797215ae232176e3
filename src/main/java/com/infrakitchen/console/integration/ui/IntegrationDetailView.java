package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.audit.AuditService;
import com.infrakitchen.console.base.ui.MainLayout;
import com.infrakitchen.console.integration.ConcurrentEditException;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.browse.RepositoryService;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.provider.IntegrationProviders;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /integrations/{id}}: Overview (every non-secret field, editable by editors with the same rules
 * as the setup form, the token write-only), enable/disable, delete for admins, and History (this
 * integration's audit events). Concurrent edits are detected and explained.
 */
@Route("integrations/:id")
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
class IntegrationDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The tabs of the integration shown (rebuilt with it). */
    private TabSheet tabs = new TabSheet();

    private final transient IntegrationService integrations;
    private final transient AuditService audit;
    private final transient CheckService checks;
    private final transient CredentialTools tools;
    private final transient IntegrationProviders providers;
    private final transient RepositoryService repositories;
    private final transient Clock clock;
    final DetailHeader header = new DetailHeader();
    final H2 title = header.title;
    final Span subtitle = header.subtitle;
    final Div statusBadge = header.statusBadge;
    final Button toggle = header.toggle;
    final Button delete = header.delete;
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final ConflictBanner conflict = new ConflictBanner();
    final ExpiryNotice expiryNotice = new ExpiryNotice();
    @Nullable IntegrationForm form;
    @Nullable HistoryPanel history;
    @Nullable ConnectionTestControl connection;
    private @Nullable OverviewTest overviewTest;
    @Nullable ConnectionPanel connectionPanel;
    @Nullable RepositoriesPanel repositoriesPanel;
    private @Nullable IntegrationDetail current;
    private final boolean canEdit = CurrentUser.isEditorOrAdmin();

    public IntegrationDetailView(IntegrationService integrations, AuditService audit, CheckService checks,
            CredentialTools tools, IntegrationProviders providers, Clock clock, RepositoryService repositories) {
        this.tools = tools;
        this.repositories = repositories;
        this.providers = providers;
        this.clock = clock;
        this.integrations = integrations;
        this.audit = audit;
        this.checks = checks;
        addClassName("page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(IntegrationDetailView::parse);
        Optional<IntegrationDetail> found = id.flatMap(integrations::get);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build(found.get());
        // /health's rows lead to the Connection tab: ?tab=connection (the other tabs by name too).
        event.getLocation().getQueryParameters().getSingleParameter("tab").ifPresent(this::selectTab);
    }

    private void selectTab(String name) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            if (tabs.getTabAt(i).getLabel().equalsIgnoreCase(name)) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
    }

    private void build(IntegrationDetail detail) {
        removeAll();
        current = detail;
        form = new IntegrationForm(providers.get(detail.provider()), integrations.labelsInUse(),
                name -> canEdit && integrations.nameTaken(name, current.id()), tools, true, clock);
        form.showMethod(detail.method());
        form.setEditable(canEdit);
        history = new HistoryPanel(audit, detail.id());
        overviewTest = new OverviewTest(checks, form, () -> current, () -> connectionPanel.refresh(current));
        connection = new ConnectionTestControl(overviewTest::start, overviewTest::valuesKey, clock);
        overviewTest.showIn(connection);
        connection.test.setVisible(canEdit);
        form.organization.addValueChangeListener(e -> connection.valuesChanged());
        form.addCredentialChangeListener(connection::valuesChanged);
        connectionPanel = new ConnectionPanel(checks, detail.id(), clock, canEdit,
                providers.get(detail.provider()).displayName());
        connectionPanel.onStored(this::showStoredResult);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save");
        save.addClickListener(e -> save());
        cancel.setId("cancel");
        cancel.addClickListener(e -> reload());
        toggle.addClickListener(e -> changeEnabled(!current.enabled()));
        delete.addClickListener(e -> new DeleteIntegrationDialog(current.data().name(), this::delete).open());
        delete.setVisible(CurrentUser.isAdmin());
        toggle.setVisible(canEdit);
        save.setVisible(canEdit);
        cancel.setVisible(canEdit);

        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        VerticalLayout overview = new VerticalLayout(conflict, expiryNotice, form, connection, buttons);
        overview.setPadding(false);
        tabs = new TabSheet();
        tabs.add("Overview", overview);
        tabs.add("Connection", connectionPanel);
        repositoriesPanel = new RepositoriesPanel(repositories, detail.id(), clock);
        repositoriesPanel.loadWhenSelected(tabs, tabs.add("Repositories", repositoriesPanel));
        tabs.add("History", history);
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            history.refresh();
            connectionPanel.refresh(current);
        });
        add(header, tabs);
        show(detail);
    }

    private void show(IntegrationDetail detail) {
        current = detail;
        header.show(detail, providers.get(detail.provider()).displayName());
        form.readData(detail.data());
        form.editor().show(detail.credential());
        form.editor().setEditable(canEdit);
        expiryNotice.show(detail.credential(), providers.get(detail.provider()).displayName(), LocalDate.now(clock));
        conflict.setVisible(false);
        history.refresh();
        showStoredResult();
    }

    private void showStoredResult() {
        overviewTest.showStored(current);
    }

    void save() {
        var data = form.writeData();
        if (data.isEmpty()) {
            return;
        }
        try {
            var change = form.editor().forSave();
            if (change.isEmpty()) {
                return;
            }
            show(integrations.update(current.id(), current.version(), data.get(), change.get()));
            notify("Saved", NotificationVariant.LUMO_SUCCESS);
        } catch (IntegrationRuleViolation e) {
            if (!form.showViolation(e)) {
                notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        } catch (ConcurrentEditException e) {
            showConflict(e);
        }
    }

    private void changeEnabled(boolean enabled) {
        try {
            show(integrations.setEnabled(current.id(), current.version(), enabled));
            notify(enabled ? "Enabled" : "Disabled: InfraKitchen will not use it", NotificationVariant.LUMO_SUCCESS);
        } catch (ConcurrentEditException e) {
            showConflict(e);
        }
    }

    private void delete(String confirmation) {
        try {
            integrations.delete(current.id(), current.version(), confirmation);
            notify(current.data().name() + " deleted", NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(IntegrationsView.class));
        } catch (ConcurrentEditException e) {
            showConflict(e);
        } catch (IntegrationRuleViolation e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    /** Someone else saved or deleted: say who and when, keep the user's input, offer a reload. */
    private void showConflict(ConcurrentEditException e) {
        conflict.show(e, this::reload);
    }

    private void reload() {
        integrations.get(current.id()).ifPresentOrElse(this::show,
                () -> getUI().ifPresent(ui -> ui.navigate(IntegrationsView.class)));
    }

    @Override
    public String getPageTitle() {
        return (current == null ? "Integration" : current.data().name()) + MainLayout.TITLE_SUFFIX;
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_END).addThemeVariants(variant);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
