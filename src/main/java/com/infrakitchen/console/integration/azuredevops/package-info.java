/**
 * Azure DevOps as a provider: its rules for organization names, tokens and test repositories, its key policy, and the
 * personal access token check over HTTPS.
 */
@NullMarked
package com.infrakitchen.console.integration.azuredevops;

import org.jspecify.annotations.NullMarked;
