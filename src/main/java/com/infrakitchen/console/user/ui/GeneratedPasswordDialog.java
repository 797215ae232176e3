package com.infrakitchen.console.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a generated password once. Closing it is the last chance to copy it: it is stored only as a hash. */
class GeneratedPasswordDialog extends Dialog {

    final TextField value = new TextField("Password");

    GeneratedPasswordDialog(String username, String password) {
        setHeaderTitle("Password for " + username);
        setWidth("30rem");
        setCloseOnOutsideClick(false);
        value.setValue(password);
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("generated-password");
        value.setId("generated-password");
        Button copy = new Button("Copy", e -> value.getElement().executeJs(
                "navigator.clipboard && navigator.clipboard.writeText($0)", value.getValue()));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph("Give this password to " + username + " through a safe channel. It is shown only now:"
                + " after you close this dialog nobody can see it again."), value, copy);
        Button done = new Button("I have copied it", e -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("password-copied");
        getFooter().add(done);
    }
}
