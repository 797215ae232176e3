package com.infrakitchen.console.integration;

import java.util.UUID;

/**
 * Published by {@link IntegrationService}, inside its transaction, when an integration starts or stops being one
 * the console should keep checking: created, enabled, disabled, deleted. Features that follow integrations (the
 * health scheduler) listen for it instead of being called by the core.
 *
 * @param integrationId the integration
 * @param active        whether it exists and is enabled now
 */
public record IntegrationLifecycle(UUID integrationId, boolean active) {
}
