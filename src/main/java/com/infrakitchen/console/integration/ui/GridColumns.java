package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.util.List;

/** The integrations grid's columns (docs/product.md 6): what each shows, its sort key and width. */
final class GridColumns {

    private GridColumns() {
    }

    /** Adds every column but the row actions; times are said relative to {@code clock}. */
    static void add(Grid<IntegrationSummary> grid, Clock clock) {
        // Widths: at 1366 px every header fits on one line with its sort arrows (issue 9; WhereTheUserLooksE2E
        // measures it). Each column is at least as wide as its header or its badge; the free-text ones (name,
        // organization, labels) share what is left and wrap. Cell padding is narrowed in console.css.
        grid.addColumn(GridCells.name()).setHeader("Name").setKey("NAME").setSortable(true).setWidth("9rem")
                .setFlexGrow(3);
        grid.addColumn(i -> i.method().label()).setHeader("Method").setKey("METHOD").setSortable(true)
                .setWidth("6rem").setFlexGrow(0);
        grid.addColumn(IntegrationSummary::organization).setHeader("Organization").setKey("ORGANIZATION")
                .setSortable(true).setWidth("8.5rem").setFlexGrow(1);
        grid.addColumn(GridCells.labels()).setHeader("Labels").setKey("LABELS").setWidth("6.5rem").setFlexGrow(2);
        grid.addColumn(GridCells.connection(clock)).setHeader("Connection").setKey("CONNECTION").setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(GridCells.expiry(clock)).setHeader("Token expiry").setKey("TOKEN_EXPIRY").setSortable(true)
                .setWidth("8rem").setFlexGrow(0);
        grid.addColumn(i -> IntegrationTimes.ago(i.updatedAt(), clock.instant()) + " by " + i.updatedBy())
                .setHeader("Updated").setKey("UPDATED").setSortable(true).setWidth("7.5rem").setFlexGrow(0)
                .setTooltipGenerator(i -> IntegrationTimes.format(i.updatedAt()));
        grid.addColumn(GridCells.status()).setHeader("Status").setKey("STATUS").setSortable(true).setWidth("6rem")
                .setFlexGrow(0);
    }

    /** Below this window width (a phone) the grid keeps only what fits: name, connection, token expiry. */
    static final int NARROW_WIDTH = 600;

    /** The columns a phone's grid leaves out, so that name and connection status fit without scrolling sideways. */
    static final List<String> WIDE_ONLY = List.of("METHOD", "ORGANIZATION", "LABELS", "UPDATED", "STATUS");

    /**
     * Fits the columns to a window {@code width} px wide: below {@link #NARROW_WIDTH} the {@link #WIDE_ONLY} columns
     * are hidden and the name column may be narrower; the detail page shows all of it.
     */
    static void fit(Grid<IntegrationSummary> grid, int width) {
        boolean narrow = width > 0 && width < NARROW_WIDTH;
        WIDE_ONLY.forEach(key -> grid.getColumnByKey(key).setVisible(!narrow));
        grid.getColumnByKey("NAME").setWidth(narrow ? "6rem" : "9rem");
    }
}
