package com.infrakitchen.console.integration.outbound;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * A start-up that fails on a malformed {@code app.outbound.*} value ({@link OutboundSettingsException}) ends with
 * "APPLICATION FAILED TO START / Description / Action" naming the setting and the fix, instead of a stack trace.
 * First in line ({@link Ordered#HIGHEST_PRECEDENCE}), so that no general analyzer reports the failure instead and
 * prints the configured value. Registered in {@code META-INF/spring.factories}.
 */
public class OutboundSettingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutboundSettingsException settings) {
                // the cause chain is left out: it holds nothing the description does not say
                return new FailureAnalysis(settings.getMessage(), settings.action(), settings);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
