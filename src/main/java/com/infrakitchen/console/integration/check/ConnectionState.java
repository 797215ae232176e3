package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;

/**
 * An integration's stored connection status (docs/decisions/0015): the outcome of its newest stored test, when that
 * ran, and since when the outcome has been the same (the oldest result of the current unbroken run).
 */
public record ConnectionState(CheckOutcome outcome, Instant checkedAt, Instant since) {
}
