/**
 * What a connection test can find: its categories and outcomes with their headlines and hints, how they are stored,
 * and when a stored result no longer describes its integration.
 */
@NullMarked
package com.infrakitchen.console.integration.diagnosis;

import org.jspecify.annotations.NullMarked;
