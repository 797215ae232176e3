package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored result of a saved integration's test: when, by whom, what it found, and what it tested (the
 * organization, the credential's set-at time and for SSH the test repository), so that a later change marks it
 * outdated.
 */
public record CheckRecord(UUID id, UUID integrationId, Instant checkedAt, CheckTrigger trigger, String actor,
        CheckCategory category, long durationMillis, String organization, @Nullable Instant tokenSetAt,
        @Nullable String testRepository, @Nullable String identity, @Nullable Integer projectCount,
        @Nullable Integer repositoryCount, List<CheckStep> steps, @Nullable HttpDetails decisive) {

    public CheckOutcome outcome() {
        return category.outcome();
    }

    public String headline() {
        return category.headline(organization);
    }

    /** The headline as said on {@code today} (CheckCategory.headline(String, LocalDate)). */
    public String headline(LocalDate today) {
        return category.headline(organization, today);
    }

    public CheckResult asResult() {
        return new CheckResult(category, organization, identity, projectCount, repositoryCount, steps, decisive,
                checkedAt, durationMillis, null);
    }
}
