package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change of an integration's connection outcome, recorded with the stored result that made it.
 *
 * @param from     the outcome before, null for the integration's first stored result
 * @param category the diagnosis of the result that changed it
 * @param trigger  what started that test
 */
public record StatusChange(Instant changedAt, @Nullable CheckOutcome from, CheckOutcome to, CheckCategory category,
        CheckTrigger trigger) {
}
