package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckSample;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chart of outcomes and latency over the last {@value #DAYS} days (UTC), drawn on the server as SVG: per day a
 * bar of the tests, stacked by outcome, and a line of the day's median duration. It carries no colour: every shape
 * has a class ({@code outcome-connected}, {@code chart-latency}...) that {@code console.css} colours from Lumo's
 * variables, so it follows the light and dark theme. Its text alternative (the {@code aria-label}, the
 * {@code <title>} and the panel's visually hidden summary) says the same in words. Only numbers, dates and fixed
 * words go into the markup; nothing a user typed.
 */
final class OutcomeChart {

    static final int DAYS = 30;
    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    private static final int LEFT = 36;
    private static final int RIGHT = 56;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final List<CheckOutcome> STACK = List.of(CheckOutcome.CONNECTED, CheckOutcome.WARNING,
            CheckOutcome.FAILED);
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    /** One day: its tests by outcome, and the median and slowest duration (-1 without tests). */
    record Day(LocalDate date, Map<CheckOutcome, Integer> counts, long medianMillis, long maxMillis) {
        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The SVG (empty when there were no tests), and the same in words. */
    record Chart(String svg, String summary, boolean empty) {
    }

    private OutcomeChart() {
    }

    /** The first day of the chart that ends on {@code today}. */
    static LocalDate firstDay(LocalDate today) {
        return today.minusDays(DAYS - 1L);
    }

    static List<Day> days(List<CheckSample> samples, LocalDate today) {
        List<Day> days = new ArrayList<>(DAYS);
        for (LocalDate d = firstDay(today); !d.isAfter(today); d = d.plusDays(1)) {
            LocalDate day = d;
            List<CheckSample> of = samples.stream()
                    .filter(s -> LocalDate.ofInstant(s.checkedAt(), ZoneOffset.UTC).equals(day)).toList();
            Map<CheckOutcome, Integer> counts = new EnumMap<>(CheckOutcome.class);
            STACK.forEach(o -> counts.put(o, (int) of.stream().filter(s -> s.outcome() == o).count()));
            long[] durations = of.stream().mapToLong(CheckSample::durationMillis).sorted().toArray();
            long median = durations.length == 0 ? -1 : durations.length % 2 == 1 ? durations[durations.length / 2]
                    : (durations[durations.length / 2 - 1] + durations[durations.length / 2]) / 2;
            days.add(new Day(day, counts, median, durations.length == 0 ? -1 : durations[durations.length - 1]));
        }
        return days;
    }

    static Chart render(List<CheckSample> samples, LocalDate today) {
        List<Day> days = days(samples, today);
        String summary = summary(days, today);
        if (days.stream().allMatch(d -> d.total() == 0)) {
            return new Chart("", summary, true);
        }
        int maxCount = Math.max(1, days.stream().mapToInt(Day::total).max().orElse(1));
        long maxLatency = niceCeiling(Math.max(1, days.stream().mapToLong(Day::medianMillis).max().orElse(1)));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / DAYS;
        double bar = Math.max(4, slot * 0.62);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" class=\"outcome-chart-svg\" role=\"img\" aria-label=\"").append(xml(summary))
                .append("\">");
        s.append("<title>").append(xml(summary)).append("</title>");
        for (int i = 0; i <= 2; i++) {
            double y = TOP + plotH - plotH * i / 2;
            s.append(line(LEFT, y, WIDTH - RIGHT, y, "chart-grid"));
        }
        s.append(text(LEFT - 6, TOP + plotH + 4, "0", "chart-label chart-axis-count"));
        s.append(text(LEFT - 6, TOP + 4, String.valueOf(maxCount), "chart-label chart-axis-count"));
        if (maxCount % 2 == 0) {
            s.append(text(LEFT - 6, TOP + plotH / 2 + 4, String.valueOf(maxCount / 2), "chart-label chart-axis-count"));
        }
        s.append(text(WIDTH - RIGHT + 6, TOP + plotH + 4, "0 s", "chart-label chart-axis-latency"));
        s.append(text(WIDTH - RIGHT + 6, TOP + 4, ConnectionIndicator.seconds(maxLatency),
                "chart-label chart-axis-latency"));
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = LEFT + slot * i + (slot - bar) / 2;
            double base = TOP + plotH;
            for (CheckOutcome o : STACK) {
                int n = day.counts().get(o);
                if (n == 0) {
                    continue;
                }
                double h = plotH * n / maxCount;
                base -= h;
                s.append("<rect class=\"chart-bar outcome-").append(o.name().toLowerCase(Locale.ROOT))
                        .append("\" x=\"").append(num(x)).append("\" y=\"").append(num(base)).append("\" width=\"")
                        .append(num(bar)).append("\" height=\"").append(num(h)).append("\" data-date=\"")
                        .append(day.date()).append("\" data-outcome=\"").append(o.name()).append("\" data-count=\"")
                        .append(n).append("\"><title>").append(day.date()).append(": ").append(n).append(' ')
                        .append(o.label().toLowerCase(Locale.ROOT)).append("</title></rect>");
            }
            if (day.medianMillis() >= 0) {
                double cx = LEFT + slot * i + slot / 2;
                double cy = TOP + plotH - plotH * Math.min(day.medianMillis(), maxLatency) / maxLatency;
                points.append(points.isEmpty() ? "" : " ").append(num(cx)).append(',').append(num(cy));
                dots.append("<circle class=\"chart-latency-point\" cx=\"").append(num(cx)).append("\" cy=\"")
                        .append(num(cy)).append("\" r=\"3\" data-date=\"").append(day.date())
                        .append("\" data-median-ms=\"").append(day.medianMillis()).append("\"><title>")
                        .append(day.date()).append(": median ").append(ConnectionIndicator.seconds(day.medianMillis()))
                        .append("</title></circle>");
            }
        }
        s.append("<polyline class=\"chart-latency\" points=\"").append(points).append("\"/>").append(dots);
        for (int i : new int[] {0, DAYS / 2, DAYS - 1}) {
            double x = LEFT + slot * i + slot / 2;
            s.append(text(x, HEIGHT - 8, LABEL.format(days.get(i).date()), "chart-label chart-axis-date"));
        }
        return new Chart(s.append("</svg>").toString(), summary, false);
    }

    /** The chart in words, for screen readers and for anyone who cannot tell the colours apart. */
    static String summary(List<Day> days, LocalDate today) {
        String span = "Last " + DAYS + " days (" + firstDay(today) + " to " + today + ")";
        int total = days.stream().mapToInt(Day::total).sum();
        if (total == 0) {
            return span + ": no tests.";
        }
        StringBuilder s = new StringBuilder(span).append(": ").append(total).append(total == 1 ? " test, " : " tests, ");
        List<String> parts = new ArrayList<>();
        for (CheckOutcome o : STACK) {
            parts.add(days.stream().mapToInt(d -> d.counts().get(o)).sum() + " " + o.label().toLowerCase(Locale.ROOT));
        }
        s.append(String.join(", ", parts)).append('.');
        Day slowest = days.stream().filter(d -> d.maxMillis() >= 0)
                .max((a, b) -> Long.compare(a.maxMillis(), b.maxMillis())).orElseThrow();
        s.append(" Slowest test ").append(ConnectionIndicator.seconds(slowest.maxMillis())).append(" on ")
                .append(slowest.date()).append('.');
        return s.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}: an axis maximum people can read. */
    static long niceCeiling(long value) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= value) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
                + num(y2) + "\"/>";
    }

    private static String text(double x, double y, String content, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + xml(content) + "</text>";
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
