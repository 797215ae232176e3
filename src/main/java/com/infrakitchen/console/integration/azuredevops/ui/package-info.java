/**
 * Azure DevOps' screen panels: how to make a token or an SSH key for it, with the SSH host keys the check trusts.
 */
@NullMarked
package com.infrakitchen.console.integration.azuredevops.ui;

import org.jspecify.annotations.NullMarked;
