package com.infrakitchen.console.integration.check;

import org.jspecify.annotations.Nullable;

/** One rung of the diagnosis ladder: what was checked, how it went, how long it took. */
public record CheckStep(String name, StepStatus status, String summary, long durationMillis,
        @Nullable HttpDetails http) {

    public static CheckStep skipped(String name, String why) {
        return new CheckStep(name, StepStatus.SKIPPED, why, 0, null);
    }
}
