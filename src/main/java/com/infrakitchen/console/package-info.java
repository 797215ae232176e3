/**
 * InfraKitchen Integrations Console: the Spring Boot entry point, the Vaadin app shell and the clock every "now"
 * comes from.
 */
@NullMarked
package com.infrakitchen.console;

import org.jspecify.annotations.NullMarked;
