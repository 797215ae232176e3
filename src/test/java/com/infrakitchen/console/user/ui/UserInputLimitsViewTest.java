package com.infrakitchen.console.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.shared.TextLimits;
import com.infrakitchen.console.user.UserService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** Issue 9, item 4, for users: nothing typed is cut by the browser; too long is said, with the count. */
@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class UserInputLimitsViewTest extends SpringBrowserlessTest {

    @Autowired
    UserService users;

    @Test
    void aTooLongUsernameOrPasswordIsReportedWithItsLengthNotCut() {
        navigate(UsersView.class);
        int before = users.list().size();
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        assertThat(dialog.username.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        assertThat(dialog.password.getMaxLength()).isEqualTo(TextLimits.FIELD_HARD_MAX);
        test(dialog.username).setValue("u".repeat(33));
        assertThat(dialog.username.getValue()).hasSize(33);
        assertThat(dialog.username.getErrorMessage()).isEqualTo("Username has 33 characters; at most 32");

        test(dialog.username).setValue("long-password-user");
        dialog.passwordMode.setValue(CreateUserDialog.CHOOSE);
        test(dialog.password).setValue("p".repeat(130));
        test(dialog.create).click();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("Password has 130 characters; at most 128");
        assertThat(users.list()).hasSize(before);
    }

    @Test
    void aLookAlikeUsernameIsRefused() {
        navigate(UsersView.class);
        test($(Button.class).id("new-user")).click();
        CreateUserDialog dialog = $(CreateUserDialog.class).single();
        // the Kelvin sign: Java's toLowerCase turns it into an ASCII 'k' ("kate")
        test(dialog.username).setValue("\u212Aate");
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).endsWith("'\u212A' (U+212A) at position 1 is not allowed");
    }
}
