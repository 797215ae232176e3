package com.infrakitchen.console.health.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.infrakitchen.console.health.ScheduledRunMetrics;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task behind scheduled re-checks (docs/decisions/0014): one persistent instance per enabled
 * integration (its id is the instance id), rescheduled to the integration's next slot when a run completes, removed
 * when the integration is disabled or deleted. db-scheduler picks a due instance on exactly one of the instances
 * sharing the database, keeps its heartbeat while it runs, and runs again an instance whose heartbeat stopped (the
 * instance that picked it died). A run that throws is retried after {@link #RETRY_AFTER_FAILURE}.
 */
@Configuration(proxyBeanMethods = false)
public class RecheckTask {

    /** The task name in {@code scheduled_tasks.task_name}. */
    public static final String NAME = "integration-recheck";

    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    public static TaskInstance<Void> instance(UUID integrationId) {
        return new TaskInstance<>(NAME, integrationId.toString());
    }

    @Bean
    Task<Void> integrationRecheck(Rechecks rechecks, ScheduledRunMetrics metrics) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getId());
                    Rechecks.Outcome outcome = rechecks.run(id, context.getExecution().executionTime);
                    if (outcome.result() != null
                            && outcome.result().category() != CheckCategory.TEST_ALREADY_RUNNING) {
                        metrics.recorded(outcome.lag(), outcome.result().outcome());
                    }
                    // its next slot, read once the test ended: a disable during the test removes the re-check
                    return (complete, operations) -> outcome.next().ifPresentOrElse(
                            next -> operations.reschedule(complete, next), operations::remove);
                });
    }

    /** db-scheduler's clock is the application's, so that due times and the slots agree (and tests move both). */
    @Bean
    com.github.kagkarlsson.scheduler.Clock schedulerClock(Clock clock) {
        return clock::instant;
    }
}
