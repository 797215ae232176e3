/**
 * The provider seam: what a product InfraKitchen connects to (Azure DevOps today) says about itself and its rules,
 * and the providers this instance knows.
 */
@NullMarked
package com.infrakitchen.console.integration.provider;

import org.jspecify.annotations.NullMarked;
