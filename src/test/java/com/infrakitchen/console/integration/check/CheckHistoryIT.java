package com.infrakitchen.console.integration.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The Connection tab's queries, in SQL and behind method security: a page of an integration's stored results
 * (offset, limit, newest first), filtered by outcome, their count, and the samples of the chart since a time; open
 * to viewers as the history is, and to nobody signed out.
 */
@SpringBootTest
class CheckHistoryIT {

    @Autowired
    CheckService checks;
    @Autowired
    CheckRecordStore store;
    @Autowired
    IntegrationService integrations;

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    UUID id;
    UUID other;

    /** 25 results a minute apart: every 5th failed, every 7th a warning, the rest connected. */
    @BeforeEach
    void history() {
        id = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "hist"))).id();
        other = IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "hist-other"))).id();
        for (int i = 0; i < 25; i++) {
            store.insert(record(id, i, category(i)));
        }
        store.insert(record(other, 0, CheckCategory.TOKEN_EXPIRED));
    }

    static CheckCategory category(int i) {
        return i % 5 == 0 ? CheckCategory.TOKEN_EXPIRED : i % 7 == 0 ? CheckCategory.CODE_WRITE_MISSING
                : CheckCategory.CONNECTED;
    }

    static CheckRecord record(UUID integration, int minute, CheckCategory category) {
        Instant at = T0.plusSeconds(60L * minute);
        return new CheckRecord(UUID.randomUUID(), integration, at, CheckTrigger.MANUAL, "hist-editor", category,
                100 + minute, "contoso", at, null, null, null, null, List.of(), null);
    }

    <T> T asViewer(java.util.function.Supplier<T> action) {
        return As.user("hist-viewer", "VIEWER", action);
    }

    @Test
    void pagesAreNewestFirstFromTheOffset() {
        List<CheckRecord> first = asViewer(() -> checks.historyPage(id, null, 0, 10));
        List<CheckRecord> third = asViewer(() -> checks.historyPage(id, null, 20, 10));
        assertThat(first).hasSize(10).extracting(CheckRecord::durationMillis)
                .containsExactly(124L, 123L, 122L, 121L, 120L, 119L, 118L, 117L, 116L, 115L);
        assertThat(third).extracting(CheckRecord::durationMillis).containsExactly(104L, 103L, 102L, 101L, 100L);
        assertThat(asViewer(() -> checks.historyPage(id, null, 25, 10))).isEmpty();
        assertThat(asViewer(() -> checks.historyCount(id, null))).isEqualTo(25);
    }

    @Test
    void theOutcomeFilterIsAppliedToThePageAndTheCount() {
        List<CheckRecord> failed = asViewer(() -> checks.historyPage(id, CheckOutcome.FAILED, 0, 20));
        assertThat(failed).extracting(CheckRecord::durationMillis).containsExactly(120L, 115L, 110L, 105L, 100L);
        assertThat(failed).allMatch(r -> r.outcome() == CheckOutcome.FAILED);
        assertThat(asViewer(() -> checks.historyCount(id, CheckOutcome.FAILED))).isEqualTo(5);
        assertThat(asViewer(() -> checks.historyCount(id, CheckOutcome.WARNING))).isEqualTo(3); // 7, 14, 21
        assertThat(asViewer(() -> checks.historyCount(id, CheckOutcome.CONNECTED))).isEqualTo(17);
        assertThat(asViewer(() -> checks.historyPage(id, CheckOutcome.WARNING, 1, 1)))
                .extracting(CheckRecord::durationMillis).containsExactly(114L);
    }

    @Test
    void theChartsSamplesStartAtTheGivenTimeOldestFirst() {
        List<CheckSample> samples = asViewer(() -> checks.samplesSince(id, T0.plusSeconds(60L * 20)));
        assertThat(samples).extracting(CheckSample::durationMillis).containsExactly(120L, 121L, 122L, 123L, 124L);
        assertThat(samples.getFirst().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(samples.getFirst().checkedAt()).isEqualTo(T0.plusSeconds(60L * 20));
    }

    @Test
    void nobodySignedOutMayReadThem() {
        assertThatThrownBy(() -> checks.historyPage(id, null, 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> checks.historyCount(id, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> checks.samplesSince(id, T0))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
