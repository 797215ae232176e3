/**
 * Integrations with the products InfraKitchen connects to: the secured services that list, create, change and
 * delete them, check their fields and credentials against the rules, and keep their secrets encrypted (key rotation
 * included).
 */
@NullMarked
package com.infrakitchen.console.integration;

import org.jspecify.annotations.NullMarked;
