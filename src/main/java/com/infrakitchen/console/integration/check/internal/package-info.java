/**
 * Where the results of connection tests are stored (the {@code integration_check} table), the newest 200 of each
 * integration kept.
 */
@NullMarked
package com.infrakitchen.console.integration.check.internal;

import org.jspecify.annotations.NullMarked;
