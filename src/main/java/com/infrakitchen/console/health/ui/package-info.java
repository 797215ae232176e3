/** The {@code /health} page: counts, then one stacked row per integration that needs attention. */
@NullMarked
package com.infrakitchen.console.health.ui;

import org.jspecify.annotations.NullMarked;
