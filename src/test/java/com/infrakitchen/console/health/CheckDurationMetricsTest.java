package com.infrakitchen.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckObserver;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link CheckDurationMetrics} as {@code CheckRunner} calls it (PrometheusEndpointIT runs a real test). */
class CheckDurationMetricsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CheckDurationMetrics metrics = new CheckDurationMetrics(registry);

    static CheckResult result(CheckCategory category, long millis) {
        return new CheckResult(category, "contoso", null, null, null, List.of(), null, Instant.EPOCH, millis, null);
    }

    Timer timer(String outcome, String trigger) {
        return registry.get(CheckDurationMetrics.NAME).tag("outcome", outcome).tag("trigger", trigger).timer();
    }

    @Test
    void everyOutcomeAndTriggerIsThereFromTheStart() {
        assertThat(registry.get(CheckDurationMetrics.NAME).timers()).hasSize(3 * 4);
        assertThat(timer("warning", "diagnostics").count()).isZero();
    }

    @Test
    void aFinishedTestIsRecordedUnderItsOutcomeAndTrigger() {
        metrics.finished(CheckTrigger.SCHEDULED, result(CheckCategory.TOKEN_EXPIRED, 1_500));
        metrics.finished(CheckTrigger.MANUAL, result(CheckCategory.CONNECTED, 200));
        metrics.finished(CheckTrigger.MANUAL, result(CheckCategory.CONNECTED, 300));

        assertThat(timer("failed", "scheduled").count()).isEqualTo(1);
        assertThat(timer("failed", "scheduled").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
        assertThat(timer("connected", "manual").count()).isEqualTo(2);
        assertThat(timer("connected", "manual").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(timer("connected", "scheduled").count()).isZero();
    }

    @Test
    void prometheusGetsHistogramBucketsFromTenMillisecondsToAMinute() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new CheckDurationMetrics(prometheus).finished(CheckTrigger.DIAGNOSTICS, result(CheckCategory.CONNECTED, 800));
        String text = prometheus.scrape();
        String series = "console_check_duration_seconds_bucket{outcome=\"connected\",trigger=\"diagnostics\",le=";
        assertThat(text.lines().filter(l -> l.startsWith(series)).count()).isGreaterThan(10);
        assertThat(text).contains(series + "\"0.01\"} 0").contains(series + "\"+Inf\"} 1")
                .contains("console_check_duration_seconds_count{outcome=\"connected\",trigger=\"diagnostics\"} 1");
    }

    @Test
    void aCancelledTestIsNotRecorded() {
        metrics.finished(CheckTrigger.MANUAL, result(CheckCategory.CANCELLED, 4_000));
        assertThat(timer("failed", "manual").count()).isZero();
    }

    @Test
    void anObserverThatThrowsDoesNotStopTheOthers() {
        CheckObserver broken = (trigger, result) -> {
            throw new IllegalStateException("broken observer");
        };
        CheckObserver.notifyAll(List.of(broken, metrics), CheckTrigger.MANUAL, result(CheckCategory.CONNECTED, 10));
        assertThat(timer("connected", "manual").count()).isEqualTo(1);
    }
}
