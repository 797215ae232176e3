package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The history of stored tests (when, trigger and who, outcome, diagnosis, duration), newest first, a page at a time
 * from the database and filtered by outcome there; clicking a row (or its Show) shows that run's ladder.
 */
class CheckHistory extends Div {

    static final int PAGE = 20;

    final Select<CheckOutcome> outcome = new Select<>();
    final Grid<CheckRecord> grid = new Grid<>();
    final Button newer = new Button("Newer", VaadinIcon.ANGLE_LEFT.create());
    final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create());
    final Span range = new Span();
    private final transient CheckService checks;
    private final UUID integrationId;
    private final Consumer<CheckRecord> open;
    private int offset;
    private long total;
    private @Nullable UUID shown;

    CheckHistory(CheckService checks, UUID integrationId, Consumer<CheckRecord> open, Clock clock) {
        this.checks = checks;
        this.integrationId = integrationId;
        this.open = open;
        addClassName("check-history");
        outcome.setId("history-outcome");
        outcome.setLabel("Outcome");
        outcome.setItems(CheckOutcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("All outcomes");
        outcome.setItemLabelGenerator(o -> o == null ? "All outcomes" : o.label());
        outcome.addValueChangeListener(e -> first());
        range.setId("history-range");
        range.addClassName("result-count");
        newer.setId("history-newer");
        older.setId("history-older");
        older.setIconAfterText(true);
        for (Button b : List.of(newer, older)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        newer.addClickListener(e -> move(-PAGE));
        older.addClickListener(e -> move(PAGE));
        Div pager = new Div(range, newer, older);
        pager.addClassName("history-pager");
        Div bar = new Div(outcome, pager);
        bar.addClassName("history-bar");

        grid.setId("check-history");
        grid.addColumn(r -> IntegrationTimes.format(r.checkedAt())).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Diagnosis::trigger).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> ConnectionBadges.badge(r.outcome(), r.headline(LocalDate.now(clock)), false)).setHeader("Outcome").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.headline(LocalDate.now(clock))).setHeader("Diagnosis").setFlexGrow(1)
                .setTooltipGenerator(r -> r.headline(LocalDate.now(clock)));
        grid.addColumn(r -> ConnectionIndicator.seconds(r.durationMillis())).setHeader("Duration")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::showButton).setHeader("Ladder").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open.accept(e.getItem()));
        grid.setPartNameGenerator(r -> r.id().equals(shown) ? "shown-run" : null);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        add(bar, grid);
    }

    /** Back to the newest page (after a new result, or a filter change). */
    void first() {
        offset = 0;
        load();
    }

    /** Marks the run whose ladder is shown (null: the newest, unmarked). */
    void markShown(@Nullable UUID checkId) {
        if (!Objects.equals(shown, checkId)) {
            shown = checkId;
            grid.getDataProvider().refreshAll();
        }
    }

    private void move(int delta) {
        offset = (int) Math.max(0, Math.min(offset + delta, Math.max(0, total - 1)));
        load();
    }

    private void load() {
        CheckOutcome filter = outcome.getValue();
        total = checks.historyCount(integrationId, filter);
        if (offset >= total) {
            offset = 0;
        }
        List<CheckRecord> page = total == 0 ? List.of() : checks.historyPage(integrationId, filter, offset, PAGE);
        grid.setItems(page);
        grid.setVisible(!page.isEmpty());
        range.setText(total == 0 ? (filter == null ? "No tests yet" : "No " + filter.label().toLowerCase(
                Locale.ROOT) + " tests")
                : (offset + 1) + "–" + (offset + page.size()) + " of " + total);
        newer.setEnabled(offset > 0);
        older.setEnabled(offset + page.size() < total);
    }

    private Button showButton(CheckRecord r) {
        Button show = new Button("Show", e -> open.accept(r));
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        show.getElement().setAttribute("aria-label", "Show the ladder of the test of "
                + IntegrationTimes.format(r.checkedAt()));
        return show;
    }
}
