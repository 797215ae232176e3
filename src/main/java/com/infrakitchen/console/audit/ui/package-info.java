/**
 * The Audit log view: administrators page through the events, newest first, filtered by actor, action and time
 * range.
 */
@NullMarked
package com.infrakitchen.console.audit.ui;

import org.jspecify.annotations.NullMarked;
