/**
 * The audit trail: records who did what to which target, and from where (the only writer of audit_event), and lets
 * administrators read it back.
 */
@NullMarked
package com.infrakitchen.console.audit;

import org.jspecify.annotations.NullMarked;
