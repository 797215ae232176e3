/** Behind health: the SQL that finds what needs attention (H2 and PostgreSQL alike). */
@NullMarked
package com.infrakitchen.console.health.internal;

import org.jspecify.annotations.NullMarked;
