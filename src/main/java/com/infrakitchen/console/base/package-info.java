/**
 * Start-up support: a failure analyzer that turns an H2 database file held by another process into a plain message
 * saying what to do.
 */
@NullMarked
package com.infrakitchen.console.base;

import org.jspecify.annotations.NullMarked;
