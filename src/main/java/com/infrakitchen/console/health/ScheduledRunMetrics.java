package com.infrakitchen.console.health;

import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The scheduler's meters: {@value #RUNS} (a counter by outcome: connected, warning, failed) and {@value #LAG} (how
 * late each scheduled run started behind its planned time; buckets from 1 s to 6 h). The health scheduler calls
 * {@link #recorded} once per scheduled test it ran.
 */
@Component
public class ScheduledRunMetrics {

    public static final String RUNS = "console.health.scheduled.runs";
    public static final String LAG = "console.health.scheduled.lag";

    private final Map<CheckOutcome, Counter> runs = new EnumMap<>(CheckOutcome.class);
    private final Timer lag;

    public ScheduledRunMetrics(MeterRegistry registry) {
        for (CheckOutcome outcome : CheckOutcome.values()) {
            runs.put(outcome, Counter.builder(RUNS)
                    .description("Scheduled connection tests run, by outcome")
                    .tag("outcome", CheckDurationMetrics.tag(outcome))
                    .register(registry));
        }
        lag = Timer.builder(LAG)
                .description("How late a scheduled connection test started behind its planned time")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
                        Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6))
                .register(registry);
    }

    /**
     * One scheduled run: counted under {@code outcome}, its lag recorded (a run that started early counts as 0 lag).
     */
    public void recorded(Duration lagBehindSchedule, CheckOutcome outcome) {
        runs.get(outcome).increment();
        lag.record(lagBehindSchedule.isNegative() ? Duration.ZERO : lagBehindSchedule);
    }
}
