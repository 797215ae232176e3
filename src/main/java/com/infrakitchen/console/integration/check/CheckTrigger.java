package com.infrakitchen.console.integration.check;

/** What started a test. Stored by name. */
public enum CheckTrigger {
    /** A person pressed Test Connection (detail page or grid). */
    MANUAL,
    /** A setup form's test, kept as the first result when the form was saved with the values it tested. */
    FORM,
    /** A person pressed Run diagnostics on the Connection tab. */
    DIAGNOSTICS,
    /** The health scheduler. */
    SCHEDULED
}
