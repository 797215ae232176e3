package com.infrakitchen.console.integration.azuredevops;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a bearer test ({@link AzureDevOpsChecker#checkWithBearer}) knows of the service principal it is for: the date
 * its client secret or certificate ends (null: unknown, or workload identity) and how the expiry step names it
 * ("client secret", "certificate").
 */
record BearerPrincipal(@Nullable LocalDate secretExpiresOn, String expiryWhat) {
}
