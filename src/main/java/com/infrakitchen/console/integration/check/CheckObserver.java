package com.infrakitchen.console.integration.check;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Told of every finished connection test (after it ran, whatever started it), e.g. for metrics. Spring beans
 * implementing it are called by {@link CheckRunner} on the test's thread; an observer must be quick and must not
 * throw (one that does is logged and skipped: it never changes a test's result, audit or stored record). Tests
 * refused before they ran (limits) are not finished tests.
 */
public interface CheckObserver {

    void finished(CheckTrigger trigger, CheckResult result);

    /** Tells each of {@code observers}, each on its own: one that throws does not stop the others. */
    static void notifyAll(List<CheckObserver> observers, CheckTrigger trigger, CheckResult result) {
        for (CheckObserver observer : observers) {
            try {
                observer.finished(trigger, result);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(CheckObserver.class).warn("A check observer failed: {}",
                        observer.getClass().getName(), e);
            }
        }
    }
}
