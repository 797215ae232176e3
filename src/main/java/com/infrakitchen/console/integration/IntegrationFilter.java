package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.AuthMethod;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The grid's search and filters. {@code search} matches name, description and organization
 * (case-insensitive, substring); {@code labels} must all be present; null means "any".
 */
public record IntegrationFilter(@Nullable String search, List<String> labels, @Nullable AuthMethod method,
        @Nullable Boolean enabled) {

    public static final IntegrationFilter NONE = new IntegrationFilter(null, List.of(), null, null);

    public IntegrationFilter {
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        labels = labels == null ? List.of()
                : labels.stream().map(IntegrationRules::normaliseLabel).filter(l -> !l.isEmpty()).distinct().toList();
    }
}
