/**
 * Small helpers any feature may use without a cycle: the base class of rule violations, ASCII-only case folding
 * and the length rules for typed text.
 */
@NullMarked
package com.infrakitchen.console.shared;

import org.jspecify.annotations.NullMarked;
