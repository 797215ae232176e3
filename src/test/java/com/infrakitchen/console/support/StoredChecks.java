package com.infrakitchen.console.support;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.diagnosis.CategoryCodes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Stored test results at chosen times, for tests that store them through CheckRecordStore.insert (which also keeps
 * the integration's stored connection status, docs/decisions/0015) rather than writing integration_check rows.
 */
public final class StoredChecks {

    private StoredChecks() {
    }

    /** A manual test of organization contoso that ended with the category of this stored code. */
    public static CheckRecord result(UUID integrationId, Instant checkedAt, String categoryCode, String actor) {
        return result(integrationId, checkedAt, categoryCode, actor, null);
    }

    /** As above, of the credential set at {@code tokenSetAt} (the stored one's: the result is then current). */
    public static CheckRecord result(UUID integrationId, Instant checkedAt, String categoryCode, String actor,
            @Nullable Instant tokenSetAt) {
        return new CheckRecord(UUID.randomUUID(), integrationId, checkedAt, CheckTrigger.MANUAL, actor,
                CategoryCodes.parse(categoryCode), 100, "contoso", tokenSetAt, null, null, null, null, List.of(),
                null);
    }
}
