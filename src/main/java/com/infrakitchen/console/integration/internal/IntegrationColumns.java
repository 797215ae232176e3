package com.infrakitchen.console.integration.internal;

import org.jspecify.annotations.Nullable;

/**
 * The fields every integration has, whatever its provider, as stored: the name with its unique key (lower case),
 * description (null when empty), organization, and the grid's search text.
 */
public record IntegrationColumns(String name, String nameKey, @Nullable String description, String organization,
        String searchText) {
}
