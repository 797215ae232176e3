package com.infrakitchen.console.integration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How times are shown: UTC, minute precision, and "5 min ago". */
public final class IntegrationTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private IntegrationTimes() {
    }

    public static String format(@Nullable Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    public static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 48) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }

    /** A configured interval in words: "6 hours", "1 hour", "30 minutes", "2 days", "90 seconds". */
    public static String span(Duration d) {
        if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return plural(d.toDays(), "day");
        }
        if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return plural(d.toHours(), "hour");
        }
        if (d.toSecondsPart() == 0) {
            return plural(d.toMinutes(), "minute");
        }
        return plural(d.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
