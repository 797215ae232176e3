package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.credential.AuthMethod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The grid's state in the URL, so that a filtered view can be shared (docs/product.md 6): {@code q}, {@code label}
 * (repeated), {@code method} ({@code PAT}, {@code SSH}), {@code status} ({@code enabled}, {@code disabled}),
 * {@code connection} ({@code connected}, {@code warning}, {@code failed}, {@code outdated}, {@code never-tested}),
 * {@code expiring=true} and {@code sort} ({@code key,asc|desc}). Unknown values are ignored, never an error.
 *
 * @param method "" for any, else an {@link AuthMethod} name
 * @param status "" for any, else {@code enabled} or {@code disabled}
 * @param connection "" for any, else a {@link ConnectionStatus#urlValue()}
 * @param expiring only tokens and SSH keys expiring within {@link CredentialExpiry#WARNING_DAYS} days (or expired)
 * @param sortKey a column key, or null for the default order
 */
record GridUrl(String search, Set<String> labels, String method, String status, String connection,
        boolean expiring, @Nullable String sortKey, boolean descending) {

    static GridUrl parse(Map<String, List<String>> params) {
        String method = first(params, "method");
        String status = first(params, "status");
        String connection = first(params, "connection");
        String sort = first(params, "sort");
        String[] parts = sort.split(",");
        return new GridUrl(first(params, "q"), new LinkedHashSet<>(params.getOrDefault("label", List.of())),
                Arrays.stream(AuthMethod.values()).map(Enum::name).anyMatch(method::equals) ? method : "",
                List.of("enabled", "disabled").contains(status) ? status : "",
                ConnectionStatus.ofUrlValue(connection) == null ? "" : connection,
                "true".equals(first(params, "expiring")),
                sort.isEmpty() ? null : parts[0], parts.length > 1 && "desc".equals(parts[1]));
    }

    /**
     * The filter the grid's query takes, from the filter fields' values ("" or null for "any"); "Expiring soon"
     * counts from {@code today} (the application Clock's).
     */
    static IntegrationFilter filter(String search, Set<String> labels, @Nullable String method,
            @Nullable String status, @Nullable String connection, boolean expiring, LocalDate today) {
        return new IntegrationFilter(search, List.copyOf(labels),
                method == null || method.isEmpty() ? null : AuthMethod.valueOf(method),
                status == null || status.isEmpty() ? null : "enabled".equals(status),
                ConnectionStatus.ofUrlValue(connection),
                expiring ? CredentialExpiry.expiringBy(today) : null);
    }

    /** The query parameters of {@code filter} and the sort order ({@code sortKey} null: the default). */
    static Map<String, List<String>> params(IntegrationFilter filter, String typedSearch, @Nullable String sortKey,
            boolean descending) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (filter.search() != null) {
            params.put("q", List.of(typedSearch.strip()));
        }
        if (!filter.labels().isEmpty()) {
            params.put("label", filter.labels());
        }
        if (filter.method() != null) {
            params.put("method", List.of(filter.method().name()));
        }
        if (filter.enabled() != null) {
            params.put("status", List.of(filter.enabled() ? "enabled" : "disabled"));
        }
        if (filter.connection() != null) {
            params.put("connection", List.of(filter.connection().urlValue()));
        }
        if (filter.expiringBy() != null) {
            params.put("expiring", List.of("true"));
        }
        if (sortKey != null) {
            params.put("sort", List.of(sortKey + "," + (descending ? "desc" : "asc")));
        }
        return params;
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
