package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckSample;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The chart of the last 30 days ({@link OutcomeChart}) with its legend and its summary in words: visually hidden
 * while the chart shows, shown instead of it when there were no tests.
 */
class OutcomeChartPanel extends Div {

    final Svg svg = new Svg();
    final Paragraph summary = new Paragraph();
    private final Div legend = new Div();

    OutcomeChartPanel() {
        setId("outcome-chart");
        addClassName("outcome-chart");
        summary.setId("outcome-chart-summary");
        legend.addClassName("chart-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        for (CheckOutcome o : CheckOutcome.values()) {
            legend.add(key("chart-swatch outcome-" + o.name().toLowerCase(Locale.ROOT), o.label()));
        }
        legend.add(key("chart-swatch chart-swatch-latency", "Median duration"));
        add(svg, legend, summary);
    }

    void show(List<CheckSample> samples, LocalDate today) {
        OutcomeChart.Chart chart = OutcomeChart.render(samples, today);
        summary.setText(chart.empty() ? "No tests in the last " + OutcomeChart.DAYS + " days." : chart.summary());
        summary.setClassName("visually-hidden", !chart.empty());
        summary.setClassName("chart-empty", chart.empty());
        svg.setVisible(!chart.empty());
        legend.setVisible(!chart.empty());
        if (!chart.empty()) {
            svg.setSvg(chart.svg());
        }
    }

    private static Span key(String swatchClasses, String label) {
        Span swatch = new Span();
        swatch.setClassName(swatchClasses);
        Span key = new Span(swatch, new Span(label));
        key.addClassName("chart-key");
        return key;
    }
}
