/**
 * How integrations are stored: the aggregate with its credential columns, its repository, the grid's SQL on H2 and
 * PostgreSQL, the record of who changed it when, and the start-up check that the key set opens every stored secret.
 */
@NullMarked
package com.infrakitchen.console.integration.internal;

import org.jspecify.annotations.NullMarked;
