package com.infrakitchen.console.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.user.UserService;
import com.infrakitchen.console.user.UserSummary;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;

    @BeforeEach
    void onlyTheBootstrapAdminIsAnEnabledAdmin() {
        As.user("setup-admin", Roles.ADMIN, () -> {
            UserSummary admin = adminRow();
            users.setEnabled(admin.id(), true);
            users.changeRole(admin.id(), Roles.ADMIN);
            users.list().stream()
                    .filter(u -> u.enabled() && Roles.ADMIN.equals(u.role()) && !"admin".equals(u.username()))
                    .forEach(u -> users.changeRole(u.id(), Roles.VIEWER));
        });
    }

    private UserSummary adminRow() {
        return users.list().stream().filter(u -> "admin".equals(u.username())).findFirst().orElseThrow();
    }

    @Test
    void creatingAUserWithAGeneratedPasswordShowsItOnceAndListsTheUser() {
        UsersView view = navigate(UsersView.class);
        String name = "new-" + UUID.randomUUID().toString().substring(0, 6);
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        test(dialog.username).setValue(name);
        test(dialog.create).click();

        GeneratedPasswordDialog shown = $(GeneratedPasswordDialog.class).single();
        assertThat(shown.value.getValue()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(shown.value.isReadOnly()).isTrue();
        assertThat(test(view.grid()).size()).isEqualTo(users.list().size());
        assertThat(users.list()).extracting(UserSummary::username).contains(name);
    }

    @Test
    void anInvalidUsernameIsShownOnTheFieldAndNothingIsCreated() {
        navigate(UsersView.class);
        int before = users.list().size();
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        test(dialog.username).setValue("9 bad name");
        test(dialog.create).click();

        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).contains("starting with a letter");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(users.list()).hasSize(before);
    }

    @Test
    void aTakenUsernameIsReportedWhileTyping() {
        navigate(UsersView.class);
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        test(dialog.username).setValue("ADMIN");
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).isEqualTo("Username \"admin\" is already in use");
    }

    @Test
    void aChosenPasswordThatIsTooShortIsRefusedWithoutEchoingIt() {
        navigate(UsersView.class);
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        test(dialog.username).setValue("short-pw-" + UUID.randomUUID().toString().substring(0, 4));
        dialog.passwordMode.setValue(CreateUserDialog.CHOOSE);
        test(dialog.password).setValue("tiny");
        test(dialog.create).click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).contains("at least 12").doesNotContain("tiny");
    }

    @Test
    void demotingTheLastAdminIsRefusedWithAMessageAndTheRoleStaysAdmin() {
        UsersView view = navigate(UsersView.class);
        int row = rowOf(view, "admin");
        @SuppressWarnings("unchecked")
        Select<String> role = (Select<String>) test(view.grid()).getCellComponent(row, 1);
        test(role).selectItem("Viewer");

        Notification note = $(Notification.class).last();
        assertThat(test(note).getText()).contains("last enabled administrator");
        assertThat(adminRow().role()).isEqualTo(Roles.ADMIN);
        @SuppressWarnings("unchecked")
        Select<String> reloaded = (Select<String>) test(view.grid()).getCellComponent(rowOf(view, "admin"), 1);
        assertThat(reloaded.getValue()).isEqualTo(Roles.ADMIN);
    }

    @Test
    void anAdminCannotDisableTheirOwnAccountFromTheList() {
        UsersView view = navigate(UsersView.class);
        Button disable = (Button) ((com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(view.grid())
                .getCellComponent(rowOf(view, "admin"), 4)).getComponentAt(0);
        assertThat(disable.getText()).isEqualTo("Disable");
        assertThat(disable.isEnabled()).isFalse();
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnceAndTheOldOneStopsWorking() {
        String name = "reset-" + UUID.randomUUID().toString().substring(0, 6);
        As.user("setup-admin", Roles.ADMIN, () -> users.create(new com.infrakitchen.console.user.NewUser(name,
                Roles.VIEWER, "the-old-password-1")));
        UsersView view = navigate(UsersView.class);
        Button reset = (Button) ((com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(view.grid())
                .getCellComponent(rowOf(view, name), 4)).getComponentAt(1);
        test(reset).click();
        PasswordDialog dialog = $(PasswordDialog.class).single();
        test(dialog.reset).click();
        GeneratedPasswordDialog shown = $(GeneratedPasswordDialog.class).single();
        assertThat(shown.value.getValue()).hasSizeGreaterThanOrEqualTo(12).isNotEqualTo("the-old-password-1");
        assertThat(encoder.matches(shown.value.getValue(), hashOf(name))).isTrue();
        assertThat(encoder.matches("the-old-password-1", hashOf(name))).isFalse();
    }

    @Test
    void aLockedUserIsMarkedAndAnAdminUnlocksItFromTheList() {
        String name = "locked-" + UUID.randomUUID().toString().substring(0, 6);
        As.user("setup-admin", Roles.ADMIN, () -> users.create(new com.infrakitchen.console.user.NewUser(name,
                Roles.VIEWER, "a-long-enough-password")));
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(name, "192.0.2.77");
        }
        UsersView view = navigate(UsersView.class);
        assertThat(test(view.grid()).getCellComponent(rowOf(view, name), 2).getElement().getTextRecursively())
                .contains("Locked");

        test(unlockButton(view, name)).click();

        assertThat(throttle.locks(name)).isEmpty();
        assertThat(test(view.grid()).getCellComponent(rowOf(view, name), 2).getElement().getTextRecursively())
                .doesNotContain("Locked");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'ACCOUNT_UNLOCKED'"
                + " AND target_name = ? AND actor = 'admin'", String.class, name)).contains("192.0.2.77");
    }

    @Autowired
    com.infrakitchen.console.security.LoginThrottle throttle;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String hashOf(String username) {
        return jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
    }

    private Button unlockButton(UsersView view, String username) {
        return test(view.grid()).getCellComponent(rowOf(view, username), 4).getChildren()
                .filter(c -> c instanceof Button b && "Unlock".equals(b.getText())).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no Unlock button for " + username));
    }

    private int rowOf(UsersView view, String username) {
        var grid = test(view.grid());
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " not in the grid");
    }

}
