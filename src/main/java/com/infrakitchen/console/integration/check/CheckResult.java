package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The diagnosis of one test, bound to the values it tested: {@code organization} and {@code fingerprint}
 * (of the organization, the token and the endpoint; see {@link CheckFingerprint}). Never shown against
 * other values.
 *
 * @param identity        the display name Azure DevOps knows the token's user by, when it told us
 * @param projectCount    visible projects, counted over the listing's pages; null when unknown, or when the count
 *                        stopped before the end (the steps then say "at least")
 * @param repositoryCount visible repositories, null when unknown
 * @param decisive        the HTTP exchange that decided a failure, null for success or local failures
 * @param steps           the ladder: the checker's steps in their order, those after a failed one "Not reached"
 *                        ({@link CheckLadder})
 */
public record CheckResult(CheckCategory category, String organization, @Nullable String identity,
        @Nullable Integer projectCount, @Nullable Integer repositoryCount, List<CheckStep> steps,
        @Nullable HttpDetails decisive, Instant startedAt, long durationMillis, @Nullable String fingerprint) {

    public CheckResult {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public CheckOutcome outcome() {
        return category.outcome();
    }

    public String headline() {
        return category.headline(organization);
    }

    public String hint() {
        return category.hint(organization);
    }

    /** The headline as said on {@code today} (CheckCategory.headline(String, LocalDate)). */
    public String headline(LocalDate today) {
        return category.headline(organization, today);
    }

    public String hint(LocalDate today) {
        return category.hint(organization, today);
    }
}
