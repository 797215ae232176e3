package com.infrakitchen.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScheduledRunMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ScheduledRunMetrics metrics = new ScheduledRunMetrics(registry);

    double runs(String outcome) {
        return registry.get(ScheduledRunMetrics.RUNS).tag("outcome", outcome).counter().count();
    }

    @Test
    void everyOutcomeStartsAtZero() {
        assertThat(runs("connected")).isZero();
        assertThat(runs("warning")).isZero();
        assertThat(runs("failed")).isZero();
        assertThat(registry.get(ScheduledRunMetrics.LAG).timer().count()).isZero();
    }

    @Test
    void aRunIsCountedByOutcomeAndItsLagRecorded() {
        metrics.recorded(Duration.ofSeconds(12), CheckOutcome.FAILED);
        metrics.recorded(Duration.ofMinutes(3), CheckOutcome.CONNECTED);
        metrics.recorded(Duration.ofSeconds(30), CheckOutcome.FAILED);

        assertThat(runs("failed")).isEqualTo(2);
        assertThat(runs("connected")).isEqualTo(1);
        assertThat(runs("warning")).isZero();
        Timer lag = registry.get(ScheduledRunMetrics.LAG).timer();
        assertThat(lag.count()).isEqualTo(3);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(12 + 180 + 30);
        assertThat(lag.max(TimeUnit.SECONDS)).isEqualTo(180);
    }

    @Test
    void aRunThatStartedEarlyHasNoLagAndIsStillRecorded() {
        metrics.recorded(Duration.ofSeconds(-5), CheckOutcome.WARNING);
        Timer lag = registry.get(ScheduledRunMetrics.LAG).timer();
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isZero();
        assertThat(runs("warning")).isEqualTo(1);
    }

    @Test
    void theLagHasBucketsUpToSixHours() {
        metrics.recorded(Duration.ofMinutes(45), CheckOutcome.CONNECTED);
        var buckets = registry.get(ScheduledRunMetrics.LAG).timer().takeSnapshot().histogramCounts();
        assertThat(buckets).extracting(b -> b.bucket(TimeUnit.SECONDS)).contains(1.0, 60.0, 3600.0, 21600.0);
        assertThat(java.util.Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.SECONDS) == 3600.0)
                .findFirst().orElseThrow().count()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(buckets).filter(b -> b.bucket(TimeUnit.SECONDS) == 1800.0)
                .findFirst().orElseThrow().count()).isZero();
    }
}
