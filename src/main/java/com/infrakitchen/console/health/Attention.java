package com.infrakitchen.console.health;

import com.infrakitchen.console.integration.credential.CredentialExpiry;

/** Why an integration needs attention, worst first: the order of the {@code /health} page. */
public enum Attention {
    /** Its newest stored test failed. */
    FAILING("Failing"),
    /** Its newest stored test ended with a warning. */
    WARNING("Warning"),
    /** Its token or SSH key expires within {@value CredentialExpiry#WARNING_DAYS} days (or has expired). */
    EXPIRING("Expiring"),
    /** It was never tested. */
    NEVER_TESTED("Never tested"),
    /** It was not tested for longer than twice the check interval. */
    STALE("Not checked recently");

    private final String label;

    Attention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
