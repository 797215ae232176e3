/**
 * The integrations screens: the grid, the setup form and the detail page, with their credential fields, Test Connection
 * and its diagnosis.
 */
@NullMarked
package com.infrakitchen.console.integration.ui;

import org.jspecify.annotations.NullMarked;
