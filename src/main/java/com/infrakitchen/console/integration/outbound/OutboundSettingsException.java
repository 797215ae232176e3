package com.infrakitchen.console.integration.outbound;

/**
 * A malformed {@code app.outbound.*} value, found at start-up. The message says which setting and what is wrong with
 * it; it never holds a password, and never the proxy value when that might hold one (an {@code @} in it).
 * {@link OutboundSettingsFailureAnalyzer} turns it into Spring Boot's "APPLICATION FAILED TO START" report.
 */
public final class OutboundSettingsException extends IllegalStateException {

    private final String action;

    OutboundSettingsException(String problem, String action) {
        super(problem);
        this.action = action;
    }

    /** What the administrator should do. */
    public String action() {
        return action;
    }
}
