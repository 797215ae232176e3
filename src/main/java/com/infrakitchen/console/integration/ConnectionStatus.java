package com.infrakitchen.console.integration;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The grid's connection filter (docs/product.md 6), decided by an integration's newest stored check as the
 * Connection column shows it: its outcome when it is current, "outdated" when a value it tested changed since,
 * "never tested" without one.
 */
public enum ConnectionStatus {
    CONNECTED("Connected"), WARNING("Warning"), FAILED("Failed"), OUTDATED("Outdated"), NEVER_TESTED("Never tested");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The URL's form: {@code connected}, {@code warning}, {@code failed}, {@code outdated}, {@code never-tested}. */
    public String urlValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The status a URL value names, or null for an unknown one. */
    public static @Nullable ConnectionStatus ofUrlValue(@Nullable String value) {
        for (ConnectionStatus s : values()) {
            if (s.urlValue().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
