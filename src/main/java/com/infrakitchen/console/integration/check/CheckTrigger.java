package com.infrakitchen.console.integration.check;

/** What started a test. Stored by name. */
public enum CheckTrigger {
    /** A person pressed Test Connection (form, detail page or grid). */
    MANUAL,
    /** The health scheduler. */
    SCHEDULED
}
