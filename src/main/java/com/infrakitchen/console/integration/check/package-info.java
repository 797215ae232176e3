/**
 * Test Connection: deciding what a request tests, running it within the limits on a thread of its own, auditing
 * every attempt, and keeping the results of saved integrations.
 */
@NullMarked
package com.infrakitchen.console.integration.check;

import org.jspecify.annotations.NullMarked;
