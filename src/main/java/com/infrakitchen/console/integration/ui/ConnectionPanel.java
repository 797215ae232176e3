package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckRun;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.check.LatestCheck;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Connection tab (docs/product.md 7): a diagnosis as a ladder of steps (the newest, or the one picked in the
 * history), Run diagnostics with its progress step by step (editors and admins), Copy report, the chart of the last
 * 30 days, and the history of stored tests, paged and filtered by outcome.
 */
class ConnectionPanel extends VerticalLayout {

    private final transient CheckService checks;
    private final transient Clock clock;
    private final UUID integrationId;
    private final String providerName;
    final H3 ladderTitle = new H3("Last diagnosis");
    final Button latest = new Button("Show the latest", VaadinIcon.ARROW_BACKWARD.create());
    final DiagnosisLadder ladder;
    final DiagnosticsRun diagnostics;
    final Button copy = new Button("Copy report", VaadinIcon.COPY_O.create());
    final TextArea report = new TextArea("Report for a support ticket (secrets removed)");
    final Span status = new Span();
    final OutcomeChartPanel chart = new OutcomeChartPanel();
    final CheckHistory history;
    final StatusChanges changes = new StatusChanges();
    private @Nullable IntegrationDetail current;
    private @Nullable Diagnosis shown;
    private @Nullable UUID picked;
    private Runnable onStored = () -> { };

    ConnectionPanel(CheckService checks, UUID integrationId, Clock clock, boolean canRun, String providerName) {
        this.checks = checks;
        this.clock = clock;
        this.integrationId = integrationId;
        this.providerName = providerName;
        setPadding(false);
        addClassName("connection-panel");
        ladder = new DiagnosisLadder(providerName, clock);
        diagnostics = new DiagnosticsRun(() -> checks.test(TestRequest.ofStored(integrationId).startedBy(CheckTrigger.DIAGNOSTICS)), new Runs(), clock);
        diagnostics.setVisible(canRun);
        history = new CheckHistory(checks, integrationId, this::open, clock);
        latest.setId("show-latest");
        latest.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        latest.addClickListener(e -> showLatest());
        latest.setVisible(false);
        copy.setId("copy-report");
        copy.addClickListener(e -> copyReport());
        report.setId("diagnosis-report");
        report.addClassName("diagnosis-report");
        report.setReadOnly(true);
        report.setWidthFull();
        report.setVisible(false);
        status.setId("connection-status");
        status.addClassName("connection-status");
        status.getElement().setAttribute("aria-live", "polite");
        Div actions = new Div(diagnostics, copy, status);
        actions.addClassName("connection-actions");
        Div title = new Div(ladderTitle, latest);
        title.addClassName("ladder-title");
        H3 chartTitle = new H3("Last 30 days");
        chartTitle.setId("chart-title");
        H3 historyTitle = new H3("Test history");
        historyTitle.setId("history-title");
        H3 changesTitle = new H3("Status changes");
        changesTitle.setId("status-changes-title");
        add(actions, title, ladder, report, chartTitle, chart, changesTitle, changes, historyTitle, history);
    }

    /** Run after a run of Run diagnostics was stored (the Overview shows the stored result too). */
    void onStored(Runnable action) {
        onStored = action;
    }

    /** Shows {@code detail}'s stored results afresh; a diagnosis picked from the history stays shown. */
    void refresh(IntegrationDetail detail) {
        current = detail;
        if (!diagnostics.isRunning()) {
            if (picked == null) {
                showLatest();
            } else {
                updateReport();
            }
        }
        history.first();
        changes.show(checks.statusChanges(integrationId, StatusChanges.LIMIT));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        chart.show(checks.samplesSince(integrationId, OutcomeChart.firstDay(today).atStartOfDay()
                .toInstant(ZoneOffset.UTC)), today);
    }

    private void showLatest() {
        picked = null;
        latest.setVisible(false);
        ladderTitle.setText("Last diagnosis");
        history.markShown(null);
        LatestCheck last = checks.latest(List.of(integrationId)).get(integrationId);
        if (last == null) {
            shown = null;
            copy.setEnabled(false);
            ladder.showEmpty("This integration has not been tested yet." + (diagnostics.isVisible()
                    ? " Run diagnostics tests it now." : ""));
        } else {
            show(Diagnosis.of(last.record()), last.outdated()
                    ? "Outdated: the organization or credential changed since this test." : null);
        }
    }

    /** A history row: that run's ladder. */
    private void open(CheckRecord r) {
        if (diagnostics.isRunning()) {
            return;
        }
        picked = r.id();
        latest.setVisible(true);
        ladderTitle.setText("Diagnosis of " + IntegrationTimes.format(r.checkedAt()));
        history.markShown(r.id());
        show(Diagnosis.of(r), null);
    }

    private void show(Diagnosis d, @Nullable String note) {
        shown = d;
        ladder.show(d, note);
        copy.setEnabled(true);
        updateReport();
    }

    private void copyReport() {
        String text = reportText();
        if (text == null) {
            return;
        }
        report.setValue(text);
        report.setVisible(true);
        getUI().ifPresent(ui -> ui.getPage().executeJs("return navigator.clipboard.writeText($0)", text)
                .then(ok -> status.setText("Report copied to the clipboard."), error -> status.setText(
                        "The browser did not allow copying: select the report below and copy it.")));
    }

    private void updateReport() {
        String text = reportText();
        if (report.isVisible() && text != null) {
            report.setValue(text);
        }
    }

    private @Nullable String reportText() {
        IntegrationDetail d = current;
        if (shown == null || d == null) {
            return null;
        }
        return DiagnosisReport.of(new DiagnosisReport.Subject(d.data().name(), d.data().organization(),
                d.method().label(), providerName, ConsoleVersion.current()), shown, LocalDate.now(clock));
    }

    /** The database keeps microseconds at most. */
    private static boolean sameInstant(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
    }

    /** What a run of Run diagnostics shows. */
    private final class Runs implements DiagnosticsRun.Listener {

        private @Nullable Diagnosis before;

        @Override
        public void started() {
            before = shown;
            status.setText("");
            ladderTitle.setText("Diagnostics");
            latest.setVisible(false);
            copy.setEnabled(false);
        }

        @Override
        public void progress(List<CheckStep> done, Duration elapsed) {
            ladder.showProgress(done, elapsed);
        }

        @Override
        public void finished(CheckRun run, CheckResult result) {
            if (result.category() == CheckCategory.CANCELLED) {
                cancelled();
                return;
            }
            picked = null;
            if (current != null) {
                refresh(current);
            }
            LatestCheck last = checks.latest(List.of(integrationId)).get(integrationId);
            if (last != null && sameInstant(last.record().checkedAt(), result.startedAt())
                    && last.record().category() == result.category()) {
                onStored.run();
            } else {
                ladderTitle.setText("Diagnostics");
                show(Diagnosis.unstored(result), "This result was not stored: the test did not run.");
            }
        }

        @Override
        public void cancelled() {
            status.setText("Diagnostics cancelled: nothing was concluded.");
            if (picked == null || before == null) {
                showLatest();
            } else {
                ladderTitle.setText("Diagnosis of " + IntegrationTimes.format(before.result().startedAt()));
                latest.setVisible(true);
                show(before, null);
            }
        }
    }
}
