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
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.RouteParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What an editor can do from a grid row, and how its outcome is told; the grid is refreshed after each. */
final class GridActions {

    private final IntegrationService integrations;
    private final CheckService checks;
    private final Runnable refresh;
    private final Clock clock;
    /** Whether the signed-in user could delete when the grid was made (the service checks again). */
    private final boolean admin;

    GridActions(IntegrationService integrations, CheckService checks, Runnable refresh, Clock clock) {
        this.clock = clock;
        this.integrations = integrations;
        this.checks = checks;
        this.refresh = refresh;
        this.admin = CurrentUser.isAdmin();
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

    static final String TEST = "Test connection";
    static final String EDIT = "Edit";
    static final String DISABLE = "Disable";
    static final String ENABLE = "Enable";
    static final String DELETE = "Delete…";

    /**
     * The row's actions menu, the menu bar the server-side MenuBar made (an ellipsis button named "Actions for
     * <name>" opening test, edit, enable or disable, and for admins delete), built in the browser from the row's
     * {@code label} and {@code actions}; choosing one calls {@code act} with its text. The server holds nothing per
     * row: one handler for the column.
     */
    LitRenderer<IntegrationSummary> renderer() {
        return LitRenderer.<IntegrationSummary>of("""
                <vaadin-menu-bar theme="tertiary-inline small" .items=${[{component: (() => {
                    const button = document.createElement('vaadin-menu-bar-item');
                    button.setAttribute('aria-label', item.label);
                    const icon = document.createElement('vaadin-icon');
                    icon.setAttribute('icon', 'vaadin:ellipsis-dots-h');
                    button.append(icon);
                    return button;
                  })(), children: item.actions.map(text => ({text}))}]}
                  @item-selected=${e => act(e.detail.value.text)}></vaadin-menu-bar>""")
                .withProperty("label", i -> "Actions for " + i.name())
                .withProperty("actions", this::actions)
                .withFunction("act", (i, args) -> run(i, args.get(0).asString()));
    }

    /** What the menu offers for {@code i}, in its order. */
    List<String> actions(IntegrationSummary i) {
        List<String> actions = new ArrayList<>(List.of(TEST, EDIT, i.enabled() ? DISABLE : ENABLE));
        if (admin) {
            actions.add(DELETE);
        }
        return actions;
    }

    /** Runs the action the user chose; one the menu does not offer the row (a stale or forged call) does nothing. */
    void run(IntegrationSummary i, String action) {
        if (!actions(i).contains(action)) {
            return;
        }
        switch (action) {
            case TEST -> test(i);
            case EDIT -> UI.getCurrent().navigate(IntegrationDetailView.class,
                    new RouteParameters("id", i.id().toString()));
            case DELETE -> new DeleteIntegrationDialog(i.name(), typed -> attempt(
                    () -> integrations.delete(i.id(), i.version(), typed), i.name() + " deleted")).open();
            default -> attempt(() -> integrations.setEnabled(i.id(), i.version(), !i.enabled()),
                    i.name() + (i.enabled() ? " disabled" : " enabled"));
        }
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
