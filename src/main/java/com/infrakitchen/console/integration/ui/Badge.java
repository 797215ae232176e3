package com.infrakitchen.console.integration.ui;

import com.vaadin.flow.component.JsonSerializable;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A short text as the screens show it: in a Lumo badge theme ({@code theme}, null for plain text), with a tooltip
 * ({@code title}) and a CSS class, each null when there is none. The detail page makes a {@link Span} of it; the
 * grid's cells send it to the browser as a property of their Lit templates ({@link GridCells}).
 */
record Badge(String text, @Nullable String theme, @Nullable String title, @Nullable String className)
        implements JsonSerializable {

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

    /** As the browser receives it (Flow reads a record by reflection, which a package-private one does not allow). */
    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("text", text).put("theme", theme).put("title", title)
                .put("className", className);
    }

    /** Never read back: a badge goes to the browser only. */
    @Override
    public JsonSerializable readJson(JsonNode value) {
        throw new UnsupportedOperationException("A badge is sent to the browser, never read from it");
    }
}
