package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The grid's search and filters. {@code search} matches name, description and organization
 * (case-insensitive, substring); {@code labels} must all be present; null means "any".
 *
 * @param connection the newest stored check's status as the grid shows it (ConnectionStatus), or null for any
 * @param expiringBy only tokens with an expiry date on or before this day, and SSH keys that expire in Azure
 *                   DevOps by then (a year after the day they were added), expired ones included; null for any.
 *                   The grid's "Expiring soon" is {@link CredentialExpiry#expiringBy} of the application Clock's
 *                   today
 */
public record IntegrationFilter(@Nullable String search, List<String> labels, @Nullable AuthMethod method,
        @Nullable Boolean enabled, @Nullable ConnectionStatus connection, @Nullable LocalDate expiringBy) {

    public static final IntegrationFilter NONE = new IntegrationFilter(null, List.of(), null, null);

    /** Without the connection and expiry filters. */
    public IntegrationFilter(@Nullable String search, List<String> labels, @Nullable AuthMethod method,
            @Nullable Boolean enabled) {
        this(search, labels, method, enabled, null, null);
    }

    public IntegrationFilter {
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        labels = labels == null ? List.of()
                : labels.stream().map(IntegrationRules::normaliseLabel).filter(l -> !l.isEmpty()).distinct().toList();
    }
}
