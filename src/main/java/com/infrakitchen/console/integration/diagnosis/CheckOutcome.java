package com.infrakitchen.console.integration.diagnosis;

/** How a finished test ended, as the indicator and the grid show it. Stored by name. */
public enum CheckOutcome {
    /** Everything the product needs works. */
    CONNECTED("Connected"),
    /** It works, but something will hurt (missing Code scope, no visible projects, token expiring soon). */
    WARNING("Warning"),
    /** It does not work; the category says why. */
    FAILED("Failed");

    private final String label;

    CheckOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
