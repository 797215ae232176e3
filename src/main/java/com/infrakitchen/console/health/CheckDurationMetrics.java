package com.infrakitchen.console.health;

import com.infrakitchen.console.integration.check.CheckObserver;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckTrigger;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@value #NAME}: how long each finished connection test took, by outcome (connected, warning, failed) and trigger
 * (manual, form, diagnostics, scheduled), as a histogram (percentile buckets from 10 ms to 60 s) so Prometheus can
 * compute quantiles across instances. Every combination is registered up front, so each series exists at 0. A test
 * cancelled by its user (or by shutdown) is not recorded: its duration says nothing about the service.
 */
@Component
public class CheckDurationMetrics implements CheckObserver {

    public static final String NAME = "console.check.duration";

    private final Map<CheckOutcome, Map<CheckTrigger, Timer>> timers = new EnumMap<>(CheckOutcome.class);

    CheckDurationMetrics(MeterRegistry registry) {
        for (CheckOutcome outcome : CheckOutcome.values()) {
            Map<CheckTrigger, Timer> byTrigger = new EnumMap<>(CheckTrigger.class);
            for (CheckTrigger trigger : CheckTrigger.values()) {
                byTrigger.put(trigger, Timer.builder(NAME)
                        .description("Duration of finished connection tests")
                        .tag("outcome", tag(outcome))
                        .tag("trigger", tag(trigger))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(10))
                        .maximumExpectedValue(Duration.ofSeconds(60))
                        .register(registry));
            }
            timers.put(outcome, byTrigger);
        }
    }

    @Override
    public void finished(CheckTrigger trigger, CheckResult result) {
        if (result.category() == CheckCategory.CANCELLED) {
            return;
        }
        timers.get(result.outcome()).get(trigger).record(Duration.ofMillis(Math.max(0, result.durationMillis())));
    }

    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
