package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationSummary;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.internal.JacksonSerializer;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the integrations grid's Lit cells (GridCells, GridActions) say of a row, read from their renderers'
 * properties as the browser receives them, and the row actions called as the menu calls them. The markup those
 * properties fill is checked in a real browser (GridCellsE2E).
 */
final class GridRows {

    private GridRows() {
    }

    private static GridTester<Grid<IntegrationSummary>, IntegrationSummary> tester(IntegrationsView view) {
        return new GridTester<>(view.grid);
    }

    /** {@code value}, once Flow has turned it into the JSON the browser receives (it fails as the page would). */
    private static <T> T sent(T value) {
        JacksonSerializer.toJson(value);
        return value;
    }

    static String name(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "NAME", "name", String.class));
    }

    static String href(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "NAME", "href", String.class));
    }

    @SuppressWarnings("unchecked")
    static List<String> labels(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "LABELS", "labels", List.class));
    }

    static GridCells.Connection connection(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "CONNECTION", "connection", GridCells.Connection.class));
    }

    /** The Connection cell's text as a user reads it: "Connected checked 3 min ago", "Never tested". */
    static String connectionText(IntegrationsView view, int row) {
        GridCells.Connection c = connection(view, row);
        return c.age() == null ? c.badge().text() : c.badge().text() + " " + c.age();
    }

    static Badge expiry(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "TOKEN_EXPIRY", "expiry", Badge.class));
    }

    static Badge status(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, "STATUS", "status", Badge.class));
    }

    /** The index of the row actions column, -1 when the grid has none (a viewer's). */
    static int actionsColumn(IntegrationsView view) {
        List<Grid.Column<IntegrationSummary>> columns = view.grid.getColumns();
        Grid.Column<IntegrationSummary> last = columns.getLast();
        return last.getKey() == null && last.getHeaderText().isEmpty() ? columns.size() - 1 : -1;
    }

    /** The actions button's accessible name. */
    static String actionsLabel(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, actionsColumn(view), "label", String.class));
    }

    @SuppressWarnings("unchecked")
    static List<String> actions(IntegrationsView view, int row) {
        return sent(tester(view).getLitRendererPropertyValue(row, actionsColumn(view), "actions", List.class));
    }

    /** Chooses {@code action} in the row's menu, as the browser does: {@code act(text)}. */
    static void act(IntegrationsView view, int row, String action) {
        tester(view).invokeLitRendererFunction(row, actionsColumn(view), "act",
                JsonNodeFactory.instance.arrayNode().add(action));
    }
}
