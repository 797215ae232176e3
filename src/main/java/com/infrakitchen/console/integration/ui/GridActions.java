package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ConcurrentEditException;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteParameters;
import java.time.Clock;
import java.time.LocalDate;

/** What an editor can do from a grid row, and how its outcome is told; the grid is refreshed after each. */
final class GridActions {

    private final IntegrationService integrations;
    private final CheckService checks;
    private final Runnable refresh;
    private final Clock clock;

    GridActions(IntegrationService integrations, CheckService checks, Runnable refresh, Clock clock) {
        this.clock = clock;
        this.integrations = integrations;
        this.checks = checks;
        this.refresh = refresh;
    }

    private void test(IntegrationSummary i) {
        var ui = UI.getCurrent();
        Notification.show("Testing " + i.name() + "…", 2000, Notification.Position.BOTTOM_END);
        checks.test(TestRequest.ofStored(i.id())).result().thenAccept(r -> {
            Push.access(ui, () -> {
                showResult(i.name(), r);
                refresh.run();
            });
        });
    }

    private void showResult(String name, CheckResult r) {
        Notification n = Notification.show(name + ": " + (r.outcome() == CheckOutcome.CONNECTED
                && r.identity() != null ? "Connected as " + r.identity() : r.headline(LocalDate.now(clock))), 6000,
                Notification.Position.BOTTOM_END);
        n.addThemeVariants(switch (r.outcome()) {
            case CONNECTED -> NotificationVariant.LUMO_SUCCESS;
            case WARNING -> NotificationVariant.LUMO_WARNING;
            case FAILED -> NotificationVariant.LUMO_ERROR;
        });
    }

    /** The row's actions menu: test, edit, enable or disable, and (admins) delete. */
    Component menu(IntegrationSummary i) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        MenuItem more = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_H.create());
        more.getElement().setAttribute("aria-label", "Actions for " + i.name());
        SubMenu items = more.getSubMenu();
        items.addItem("Test connection", e -> test(i));
        items.addItem("Edit", e -> UI.getCurrent().navigate(IntegrationDetailView.class,
                new RouteParameters("id", i.id().toString())));
        items.addItem(i.enabled() ? "Disable" : "Enable", e -> attempt(() -> integrations.setEnabled(i.id(),
                i.version(), !i.enabled()), i.name() + (i.enabled() ? " disabled" : " enabled")));
        if (CurrentUser.isAdmin()) {
            items.addItem("Delete…", e -> new DeleteIntegrationDialog(i.name(), typed -> attempt(
                    () -> integrations.delete(i.id(), i.version(), typed), i.name() + " deleted")).open());
        }
        return menu;
    }

    private void attempt(Runnable action, String success) {
        try {
            action.run();
            Notification.show(success, 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConcurrentEditException | IntegrationRuleViolation e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh.run();
    }
}
