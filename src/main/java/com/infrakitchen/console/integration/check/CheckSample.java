package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;

/** One stored test as a chart of outcomes and latency sees it: when, how it ended, how long it took. */
public record CheckSample(Instant checkedAt, CheckOutcome outcome, long durationMillis) {
}
