package com.infrakitchen.console.integration.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import org.jspecify.annotations.Nullable;

/** Server push from a background thread (a test's steps, a listing's page) to a page that may have been left. */
final class Push {

    private Push() {
    }

    /** Runs {@code command} in {@code ui}'s session; nothing when there is no page or the user has left it. */
    static void access(@Nullable UI ui, Command command) {
        if (ui == null) {
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the page is gone: nothing to show
        }
    }
}
