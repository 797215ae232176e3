/**
 * Users and roles: the secured service that creates, disables, re-roles, unlocks and resets accounts, and the
 * username and password rules it enforces.
 */
@NullMarked
package com.infrakitchen.console.user;

import org.jspecify.annotations.NullMarked;
