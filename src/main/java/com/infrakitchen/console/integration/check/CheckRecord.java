package com.infrakitchen.console.integration.check;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored result of a saved integration's test: when, by whom, what it found, and what it tested (the
 * organization and the token's set-at time), so that a later change marks it outdated.
 */
public record CheckRecord(UUID id, UUID integrationId, Instant checkedAt, CheckTrigger trigger, String actor,
        CheckCategory category, long durationMillis, String organization, Instant tokenSetAt, String identity,
        Integer projectCount, Integer repositoryCount, List<CheckStep> steps, HttpDetails decisive) {

    public CheckOutcome outcome() {
        return category.outcome();
    }

    public String headline() {
        return category.headline(organization);
    }

    /** Whether the integration changed a value this result tested (product.md 5.1, Outdated). */
    public boolean outdatedFor(String currentOrganization, Instant currentTokenSetAt) {
        return !organization.toLowerCase(Locale.ROOT).equals(
                currentOrganization == null ? "" : currentOrganization.toLowerCase(Locale.ROOT))
                || !Objects.equals(tokenSetAt, currentTokenSetAt);
    }

    public CheckResult asResult() {
        return new CheckResult(category, organization, identity, projectCount, repositoryCount, steps, decisive,
                checkedAt, durationMillis, null);
    }
}
