/** The sign-in throttle's storage (V13): counters every instance on the database shares. */
@NullMarked
package com.infrakitchen.console.security.internal;

import org.jspecify.annotations.NullMarked;
