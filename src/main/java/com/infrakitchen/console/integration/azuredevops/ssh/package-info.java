/**
 * Azure DevOps' SSH key check: one JSch session to the configured host, its host keys checked strictly, and a Git
 * reference request that proves the key.
 */
@NullMarked
package com.infrakitchen.console.integration.azuredevops.ssh;

import org.jspecify.annotations.NullMarked;
