package com.infrakitchen.console.integration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;

/** Deleting asks for the integration's name: a mistyped click cannot delete the wrong one. */
class DeleteIntegrationDialog extends Dialog {

    final TextField confirmation = new TextField();
    final Button delete = new Button("Delete integration");

    DeleteIntegrationDialog(String name, Consumer<String> onDelete) {
        setHeaderTitle("Delete " + name + "?");
        setWidth("30rem");
        Paragraph text = new Paragraph("InfraKitchen will no longer reach Azure DevOps through this integration."
                + " Its encrypted token is deleted with it; the audit log keeps its history.");
        confirmation.setLabel("Type " + name + " to confirm");
        confirmation.setWidthFull();
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.setId("delete-confirmation");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.setId("delete-confirm");
        confirmation.addValueChangeListener(e -> delete.setEnabled(name.equals(e.getValue().strip())));
        delete.addClickListener(e -> {
            onDelete.accept(confirmation.getValue());
            close();
        });
        add(text, confirmation);
        getFooter().add(new Button("Cancel", e -> close()), delete);
    }
}
