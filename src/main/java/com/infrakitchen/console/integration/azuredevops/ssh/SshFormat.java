package com.infrakitchen.console.integration.azuredevops.ssh;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** How the SSH check words times and remote text in its steps. */
final class SshFormat {

    private SshFormat() {
    }

    /** "5 s", or "1500 ms" when not whole seconds. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    static long since(long nanos) {
        return nanosToMillis(System.nanoTime() - nanos);
    }

    static long nanosToMillis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String clean(String s) {
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
