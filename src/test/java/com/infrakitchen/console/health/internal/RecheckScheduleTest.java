package com.infrakitchen.console.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The slots of scheduled re-checks: an integration's own stable offset, every interval, spread over a fleet. */
class RecheckScheduleTest {

    static final Duration SIX_HOURS = Duration.ofHours(6);
    static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");

    @Test
    void anIntegrationsSlotsAreItsOffsetPlusWholeIntervalsStrictlyAfterTheGivenTime() {
        UUID id = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001");
        Duration offset = RecheckSchedule.offset(id, SIX_HOURS);
        assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(SIX_HOURS);

        Instant first = RecheckSchedule.nextAfter(NOW, id, SIX_HOURS);
        assertThat(first).isAfter(NOW).isBeforeOrEqualTo(NOW.plus(SIX_HOURS));
        assertThat(Math.floorMod(first.toEpochMilli(), SIX_HOURS.toMillis())).isEqualTo(offset.toMillis());
        assertThat(RecheckSchedule.nextAfter(first, id, SIX_HOURS)).as("at a slot: the next one")
                .isEqualTo(first.plus(SIX_HOURS));
        assertThat(RecheckSchedule.nextAfter(first.minusMillis(1), id, SIX_HOURS)).isEqualTo(first);
        assertThat(RecheckSchedule.nextAfter(first.plus(Duration.ofHours(5)), id, SIX_HOURS))
                .as("a run that ended late keeps the same slots").isEqualTo(first.plus(SIX_HOURS));
    }

    @Test
    void theOffsetIsStableForAnIdAndChangesWithTheInterval() {
        UUID id = UUID.randomUUID();
        assertThat(RecheckSchedule.offset(id, SIX_HOURS)).isEqualTo(RecheckSchedule.offset(
                UUID.fromString(id.toString()), SIX_HOURS));
        Duration hourly = RecheckSchedule.offset(id, Duration.ofHours(1));
        assertThat(hourly).isLessThan(Duration.ofHours(1));
    }

    @Test
    void aThousandIntegrationsAreSpreadEvenlyOverTheIntervalNotBunchedAtTheTopOfTheHour() {
        int buckets = 12;
        int[] counts = new int[buckets];
        long bucketMillis = SIX_HOURS.toMillis() / buckets;
        for (int i = 0; i < 1200; i++) {
            counts[(int) (RecheckSchedule.offset(UUID.randomUUID(), SIX_HOURS).toMillis() / bucketMillis)]++;
        }
        // 100 expected per half hour; a uniform spread stays well within 50..150 (p < 1e-6 per bucket)
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(50, 150));
    }

    @Test
    void sequentialIdsDoNotGetSequentialOffsets() {
        UUID a = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID b = UUID.fromString("00000000-0000-4000-8000-000000000002");
        long apart = Math.abs(RecheckSchedule.offset(a, SIX_HOURS).toMillis()
                - RecheckSchedule.offset(b, SIX_HOURS).toMillis());
        assertThat(apart).as("ids one apart land far apart").isGreaterThan(Duration.ofMinutes(1).toMillis());
    }
}
