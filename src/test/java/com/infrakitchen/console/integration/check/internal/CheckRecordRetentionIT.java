package com.infrakitchen.console.integration.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The README's "results of saved integrations are kept (newest 200)": the 201st drops the oldest, not others. The
 * number is the README's, written out, so that changing {@link CheckRecordStore#KEEP} fails here.
 */
@SpringBootTest
class CheckRecordRetentionIT {

    @Autowired
    CheckRecordStore store;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    static final int README_KEEP = 200;

    @Test
    void onlyTheNewestTwoHundredResultsOfAnIntegrationAreKeptAndOtherIntegrationsKeepTheirs() {
        UUID kept = create("keep-" + UUID.randomUUID().toString().substring(0, 8));
        UUID other = create("other-" + UUID.randomUUID().toString().substring(0, 8));
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        store.insert(record(other, t0));
        for (int i = 0; i < README_KEEP + 5; i++) {
            store.insert(record(kept, t0.plusSeconds(60L * i)));
        }
        assertThat(count(kept)).isEqualTo(README_KEEP);
        assertThat(count(other)).isEqualTo(1);
        List<CheckRecord> history = store.history(kept, 500);
        assertThat(history).hasSize(README_KEEP);
        assertThat(history.getFirst().checkedAt()).isEqualTo(t0.plusSeconds(60L * (README_KEEP + 4)));
        assertThat(history.getLast().checkedAt()).as("the five oldest were dropped").isEqualTo(t0.plusSeconds(300));
    }

    private UUID create(String name) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(name)).id();
    }

    private long count(UUID id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM integration_check WHERE integration_id = ?", Long.class, id);
    }

    private static CheckRecord record(UUID integration, Instant at) {
        return new CheckRecord(UUID.randomUUID(), integration, at, CheckTrigger.MANUAL, "retention-editor",
                CheckCategory.CONNECTED, 25, "contoso", at, null, "Alice", 1, 3, List.of(), null);
    }
}
