/**
 * Behind the audit trail: the SQL for audit_event, the listener that turns sign-in, sign-out and denied-access
 * events into audit records, and the limiter that collapses repeated denials.
 */
@NullMarked
package com.infrakitchen.console.audit.internal;

import org.jspecify.annotations.NullMarked;
