package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ConcurrentEditException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Someone else saved or deleted meanwhile: who and when, with a Reload unless it was deleted. Hidden until then. */
final class ConflictBanner extends Div {

    ConflictBanner() {
        addClassName("conflict");
        setVisible(false);
    }

    void show(ConcurrentEditException e, Runnable reload) {
        removeAll();
        add(new Span(e.getMessage()));
        if (!e.wasDeleted()) {
            Button button = new Button("Reload", ev -> reload.run());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setId("reload");
            add(button);
        }
        setVisible(true);
    }
}
