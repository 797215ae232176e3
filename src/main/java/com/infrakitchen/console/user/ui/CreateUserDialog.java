package com.infrakitchen.console.user.ui;

import com.infrakitchen.console.security.Roles;
import com.infrakitchen.console.shared.TextLimits;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.PasswordIssued;
import com.infrakitchen.console.user.UserRuleViolation;
import com.infrakitchen.console.user.UserRules;
import com.infrakitchen.console.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** "New user": username (checked live), role, and a generated or admin-chosen initial password. */
class CreateUserDialog extends Dialog {

    static final String GENERATE = "Generate a password (shown once)";
    static final String CHOOSE = "Set a password";

    final TextField username = new TextField("Username");
    final Select<String> role = new Select<>();
    final RadioButtonGroup<String> passwordMode = new RadioButtonGroup<>("Initial password");
    final PasswordField password = new PasswordField("Password");
    final Button create = new Button("Create user");

    private final transient UserService users;
    private final transient Consumer<PasswordIssued> onCreated;

    CreateUserDialog(UserService users, Consumer<PasswordIssued> onCreated) {
        this.users = users;
        this.onCreated = onCreated;
        setHeaderTitle("New user");
        setWidth("28rem");

        username.setId("new-user-username");
        username.setRequiredIndicatorVisible(true);
        username.setMaxLength(TextLimits.FIELD_HARD_MAX); // longer is reported, never cut
        username.setManualValidation(true);
        username.setHelperText(UserRules.USERNAME_RULE);
        username.setValueChangeMode(ValueChangeMode.LAZY);
        username.addValueChangeListener(e -> checkUsername());

        role.setLabel("Role");
        role.setItems(Roles.ALL);
        role.setItemLabelGenerator(UsersView::roleLabel);
        role.setValue(Roles.VIEWER);

        passwordMode.setItems(GENERATE, CHOOSE);
        passwordMode.setValue(GENERATE);
        passwordMode.addValueChangeListener(e -> password.setVisible(CHOOSE.equals(e.getValue())));
        password.setVisible(false);
        password.setMaxLength(TextLimits.FIELD_HARD_MAX); // a cut password would not be the typed one
        password.setManualValidation(true);
        password.setHelperText(UserRules.PASSWORD_RULE);

        FormLayout form = new FormLayout(username, role, passwordMode, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        create.addClickListener(e -> submit());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, create);
    }

    private boolean checkUsername() {
        String normalised = UserRules.normaliseUsername(username.getValue());
        String problem = UserRules.usernameProblem(normalised);
        if (problem == null && users.usernameTaken(normalised)) {
            problem = "Username \"" + normalised + "\" is already in use";
        }
        username.setInvalid(problem != null);
        username.setErrorMessage(problem);
        return problem == null;
    }

    void submit() {
        boolean ok = checkUsername();
        String chosen = CHOOSE.equals(passwordMode.getValue()) ? password.getValue() : null;
        if (chosen != null) {
            String problem = UserRules.passwordProblem(chosen, UserRules.normaliseUsername(username.getValue()));
            password.setInvalid(problem != null);
            password.setErrorMessage(problem);
            ok &= problem == null;
        }
        if (!ok) {
            return;
        }
        try {
            PasswordIssued issued = users.create(new NewUser(username.getValue(), role.getValue(), chosen));
            close();
            onCreated.accept(issued);
        } catch (UserRuleViolation e) {
            if ("password".equals(e.field())) {
                password.setInvalid(true);
                password.setErrorMessage(e.getMessage());
            } else {
                username.setInvalid(true);
                username.setErrorMessage(e.getMessage());
            }
        }
    }
}
