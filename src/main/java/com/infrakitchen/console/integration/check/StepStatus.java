package com.infrakitchen.console.integration.check;

/** How one step of a test went. */
public enum StepStatus {
    PASSED,
    WARNING,
    FAILED,
    /** Not run, because an earlier step already decided the result or it did not apply. */
    SKIPPED
}
