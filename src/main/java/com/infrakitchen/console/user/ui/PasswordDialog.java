package com.infrakitchen.console.user.ui;

import com.infrakitchen.console.shared.TextLimits;
import com.infrakitchen.console.user.PasswordIssued;
import com.infrakitchen.console.user.UserRuleViolation;
import com.infrakitchen.console.user.UserRules;
import com.infrakitchen.console.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** "Reset password": generate one (shown once) or set one. */
class PasswordDialog extends Dialog {

    final RadioButtonGroup<String> mode = new RadioButtonGroup<>("New password");
    final PasswordField password = new PasswordField("Password");
    final Button reset = new Button("Reset password");

    PasswordDialog(UserSummary user, BiFunction<UserSummary, @Nullable String, PasswordIssued> action) {
        setHeaderTitle("Reset password of " + user.username());
        setWidth("28rem");
        mode.setItems(CreateUserDialog.GENERATE, CreateUserDialog.CHOOSE);
        mode.setValue(CreateUserDialog.GENERATE);
        mode.addValueChangeListener(e -> password.setVisible(CreateUserDialog.CHOOSE.equals(e.getValue())));
        password.setVisible(false);
        password.setMaxLength(TextLimits.FIELD_HARD_MAX); // a cut password would not be the typed one
        password.setManualValidation(true);
        password.setHelperText(UserRules.PASSWORD_RULE);
        FormLayout form = new FormLayout(
                new Paragraph("The user signs in with the new password from now on; the old one stops working."),
                mode, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reset.addClickListener(e -> {
            String chosen = CreateUserDialog.CHOOSE.equals(mode.getValue()) ? password.getValue() : null;
            try {
                action.apply(user, chosen);
                close();
            } catch (UserRuleViolation ex) {
                password.setInvalid(true);
                password.setErrorMessage(ex.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), reset);
    }
}
