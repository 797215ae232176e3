package com.infrakitchen.console.user.ui;

import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.user.PasswordIssued;
import com.infrakitchen.console.user.UserRuleViolation;
import com.infrakitchen.console.user.UserService;
import com.infrakitchen.console.user.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code /users}: administrators list, create, change role, disable/enable and reset passwords. */
@Route("users")
@Menu(title = "Users", order = 30, icon = "vaadin:users")
@PageTitle("Users · InfraKitchen")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final transient UserService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private Set<String> locked = Set.of();

    UsersView(UserService users) {
        this.users = users;
        addClassName("page");
        setSizeFull();

        Paragraph intro = new Paragraph("People who may sign in to the console, and what their role lets them do.");
        intro.addClassName("page-intro");
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        HorizontalLayout header = new HorizontalLayout(intro, create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setWidth("11rem").setFlexGrow(0);
        grid.addComponentColumn(this::statusBadges).setHeader("Status").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(u -> WHEN.format(u.updatedAt()) + " by " + u.updatedBy()).setHeader("Last changed")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("users-grid");

        add(header, grid);
        refresh();
    }

    void refresh() {
        locked = users.lockedUsernames();
        grid.setItems(users.list());
    }

    private Component roleSelect(UserSummary user) {
        Select<String> select = new Select<>();
        select.setItems(Roles.ALL);
        select.setItemLabelGenerator(UsersView::roleLabel);
        select.setValue(user.role());
        select.setAriaLabel("Role of " + user.username());
        select.setWidthFull();
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            boolean ok = attempt(() -> users.changeRole(user.id(), e.getValue()),
                    "Role of " + user.username() + " is now " + roleLabel(e.getValue()));
            if (!ok) {
                select.setValue(e.getOldValue());
            }
        });
        return select;
    }

    private Component statusBadges(UserSummary user) {
        Span badge = new Span(user.enabled() ? "Enabled" : "Disabled");
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge contrast");
        if (!locked.contains(user.username())) {
            return badge;
        }
        Span lock = new Span("Locked");
        lock.getElement().getThemeList().add("badge error");
        lock.getElement().setAttribute("title", "Sign-in is refused from at least one address after repeated"
                + " failures there; the Audit log shows from where.");
        HorizontalLayout both = new HorizontalLayout(badge, lock);
        both.setSpacing(true);
        return both;
    }

    private Component actions(UserSummary user) {
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> attempt(
                () -> users.setEnabled(user.id(), !user.enabled()),
                user.username() + (user.enabled() ? " is disabled" : " is enabled")));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setEnabled(!user.username().equals(CurrentUser.username()) || !user.enabled());
        Button reset = new Button("Reset password", e -> new PasswordDialog(user, this::resetPassword).open());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(toggle, reset);
        if (locked.contains(user.username())) {
            Button unlock = new Button("Unlock", e -> attempt(() -> users.unlock(user.id()),
                    user.username() + " can sign in again from every address"));
            unlock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unlock.setId("unlock-" + user.username());
            row.add(unlock);
        }
        row.setSpacing(false);
        return row;
    }

    private void openCreate() {
        new CreateUserDialog(users, issued -> {
            refresh();
            showIssued(issued, "User " + issued.user().username() + " created");
        }).open();
    }

    private PasswordIssued resetPassword(UserSummary user, @Nullable String password) {
        PasswordIssued issued = users.resetPassword(user.id(), password);
        refresh();
        showIssued(issued, "Password of " + user.username() + " was reset");
        return issued;
    }

    private void showIssued(PasswordIssued issued, String done) {
        if (issued.generated()) {
            new GeneratedPasswordDialog(issued.user().username(), issued.generatedPassword()).open();
        } else {
            notify(done, NotificationVariant.LUMO_SUCCESS);
        }
    }

    /** Runs a service call; a broken rule becomes a visible message and the list is reloaded. */
    private boolean attempt(Supplier<?> action, String success) {
        try {
            action.get();
            notify(success, NotificationVariant.LUMO_SUCCESS);
            refresh();
            return true;
        } catch (UserRuleViolation e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            refresh();
            return false;
        }
    }

    static String roleLabel(String role) {
        return switch (role) {
            case Roles.VIEWER -> "Viewer";
            case Roles.EDITOR -> "Editor";
            case Roles.ADMIN -> "Admin";
            default -> role;
        };
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(variant);
    }

    Grid<UserSummary> grid() {
        return grid;
    }
}
