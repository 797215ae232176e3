/**
 * Health (docs/product.md 8): what needs attention among the enabled integrations, worst first, read with SQL of
 * its own over {@code integration} and {@code integration_check}. The scheduler that re-tests integrations is not
 * built yet; the page shows what the stored tests say. The fleet's meters on {@code /actuator/prometheus} live here
 * too: {@link com.infrakitchen.console.health.HealthMetrics}, {@link com.infrakitchen.console.health.CheckDurationMetrics},
 * {@link com.infrakitchen.console.health.ScheduledRunMetrics}.
 */
@NullMarked
package com.infrakitchen.console.health;

import org.jspecify.annotations.NullMarked;
