package com.infrakitchen.console.integration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckSample;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The 30-day chart's SVG for a known history: one stacked bar per day by outcome (the counts and the class that
 * colours them), the median line, no colour in the markup (the stylesheet's classes follow the theme), the text
 * alternative, and an empty history that says so.
 */
class OutcomeChartTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    static CheckSample at(String instant, CheckOutcome outcome, long ms) {
        return new CheckSample(Instant.parse(instant), outcome, ms);
    }

    static final List<CheckSample> HISTORY = List.of(
            at("2026-11-05T23:59:59Z", CheckOutcome.FAILED, 9_000), // the day before the window: left out
            at("2026-11-06T08:00:00Z", CheckOutcome.CONNECTED, 300), // the first day of the window
            at("2026-12-01T09:00:00Z", CheckOutcome.CONNECTED, 400),
            at("2026-12-01T10:00:00Z", CheckOutcome.CONNECTED, 600),
            at("2026-12-01T11:00:00Z", CheckOutcome.FAILED, 2_000),
            at("2026-12-05T07:00:00Z", CheckOutcome.WARNING, 800));

    @Test
    void eachDayIsABarStackedByOutcomeWithTheCountsAndTheOutcomesClass() {
        String svg = OutcomeChart.render(HISTORY, TODAY).svg();
        assertThat(bars(svg)).containsExactly(
                "2026-11-06 CONNECTED 1 outcome-connected",
                "2026-12-01 CONNECTED 2 outcome-connected",
                "2026-12-01 FAILED 1 outcome-failed",
                "2026-12-05 WARNING 1 outcome-warning");
        assertThat(svg).doesNotContain("2026-11-05");
    }

    @Test
    void barHeightsAreProportionalToTheCountsAndStackOnEachOther() {
        String svg = OutcomeChart.render(HISTORY, TODAY).svg();
        // plot height 140 (180 - 12 top - 28 bottom); the busiest day has 3 tests
        assertThat(svg).contains("data-date=\"2026-12-01\" data-outcome=\"CONNECTED\"")
                .containsPattern("y=\"58\\.7\" width=\"[0-9.]+\" height=\"93\\.3\" data-date=\"2026-12-01\""
                        + " data-outcome=\"CONNECTED\"")
                .containsPattern("y=\"12\\.0\" width=\"[0-9.]+\" height=\"46\\.7\" data-date=\"2026-12-01\""
                        + " data-outcome=\"FAILED\"");
    }

    @Test
    void theLatencyLineHasOnePointPerDayWithTestsAtItsMedian() {
        String svg = OutcomeChart.render(HISTORY, TODAY).svg();
        assertThat(medians(svg)).containsExactly("2026-11-06=300", "2026-12-01=600", "2026-12-05=800");
        assertThat(svg).contains("<polyline class=\"chart-latency\"");
        assertThat(svg).as("latency axis: the median's ceiling, 1, 2 or 5 times a power of ten")
                .contains(">1.0 s<").contains(">0 s<");
    }

    @Test
    void theMarkupCarriesNoColourOnlyClassesTheStylesheetColours() {
        String svg = OutcomeChart.render(HISTORY, TODAY).svg();
        assertThat(svg).doesNotContain("fill=").doesNotContain("stroke=").doesNotContain("style=")
                .doesNotContain("#").doesNotContain("rgb");
        assertThat(svg).contains("class=\"chart-bar outcome-connected\"", "class=\"chart-bar outcome-warning\"",
                "class=\"chart-bar outcome-failed\"", "class=\"chart-latency-point\"");
    }

    @Test
    void theChartSaysInWordsWhatItShows() {
        OutcomeChart.Chart chart = OutcomeChart.render(HISTORY, TODAY);
        assertThat(chart.summary()).isEqualTo("Last 30 days (2026-11-06 to 2026-12-05): 5 tests, 3 connected,"
                + " 1 warning, 1 failed. Slowest test 2.0 s on 2026-12-01.");
        assertThat(chart.svg()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"", "aria-label=\"" + chart.summary() + "\"",
                        "<title>" + chart.summary() + "</title>", "<title>2026-12-01: 1 failed</title>");
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void anEmptyHistoryDrawsNoChartAndSaysThereWereNoTests() {
        OutcomeChart.Chart chart = OutcomeChart.render(List.of(at("2026-10-01T00:00:00Z", CheckOutcome.FAILED,
                10)), TODAY);
        assertThat(chart.empty()).isTrue();
        assertThat(chart.svg()).isEmpty();
        assertThat(chart.summary()).isEqualTo("Last 30 days (2026-11-06 to 2026-12-05): no tests.");
        assertThat(OutcomeChart.render(List.of(), TODAY).empty()).isTrue();
    }

    @Test
    void axisMaximaAreRound() {
        assertThat(OutcomeChart.niceCeiling(1)).isEqualTo(1);
        assertThat(OutcomeChart.niceCeiling(3)).isEqualTo(5);
        assertThat(OutcomeChart.niceCeiling(420)).isEqualTo(500);
        assertThat(OutcomeChart.niceCeiling(1_001)).isEqualTo(2_000);
        assertThat(OutcomeChart.niceCeiling(6_000)).isEqualTo(10_000);
    }

    static List<String> bars(String svg) {
        Matcher m = Pattern.compile("<rect class=\"chart-bar (outcome-[a-z]+)\"[^>]*data-date=\"([0-9-]+)\""
                + " data-outcome=\"([A-Z]+)\" data-count=\"(\\d+)\"").matcher(svg);
        return m.results().map(r -> r.group(2) + " " + r.group(3) + " " + r.group(4) + " " + r.group(1)).toList();
    }

    static List<String> medians(String svg) {
        Matcher m = Pattern.compile("<circle class=\"chart-latency-point\"[^>]*data-date=\"([0-9-]+)\""
                + " data-median-ms=\"(\\d+)\"").matcher(svg);
        return m.results().map(r -> r.group(1) + "=" + r.group(2)).toList();
    }
}
