package com.infrakitchen.console.audit;

/** Whether the audited attempt went through. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
