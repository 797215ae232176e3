package com.infrakitchen.console.integration.internal;

import org.springframework.data.relational.core.mapping.Table;

/** One label of an integration (child of the aggregate, no repository of its own). */
@Table("integration_label")
public record IntegrationLabel(String label) {
}
