package com.infrakitchen.console.secret;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start-up that fails for want of a usable key set ({@link KeysetUnavailableException}) ends with Spring Boot's
 * "APPLICATION FAILED TO START / Description / Action" report that says what is wrong and what to do, instead of a
 * long stack trace with the sentence somewhere at the end. Registered in {@code META-INF/spring.factories}.
 */
public class KeysetFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeysetUnavailableException keyset) {
                return new FailureAnalysis(keyset.getMessage(), keyset.action(), failure);
            }
        }
        return null;
    }
}
