package com.infrakitchen.console.integration.ui;

import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * A short text as the screens show it: in a Lumo badge theme ({@code theme}, null for plain text), with a tooltip
 * ({@code title}) and a CSS class, each null when there is none. The detail page makes a {@link Span} of it; the
 * grid's cells send it to the browser as a property of their Lit templates ({@link GridCells}).
 */
record Badge(String text, @Nullable String theme, @Nullable String title, @Nullable String className) {

    static Badge themed(String text, String theme) {
        return new Badge(text, theme, null, null);
    }

    /** The badge as a component, for the screens that are not a grid. */
    Span span() {
        Span span = new Span(text);
        if (theme != null) {
            span.getElement().getThemeList().add(theme);
        }
        if (title != null) {
            span.getElement().setAttribute("title", title);
        }
        if (className != null) {
            span.addClassName(className);
        }
        return span;
    }
}
