package com.infrakitchen.console.integration.azuredevops;

import org.jspecify.annotations.Nullable;

/**
 * A listing ({@code {"count": n, "value": [...]}}) as it was read: entry by entry, never held whole.
 *
 * @param entries   the entries read
 * @param declared  the listing's own {@code count}, when it sent one
 * @param complete  false when {@code app.azure-devops.max-listing-bytes} was reached before the end: the entries
 *                  are then those before the cap
 * @param bytes     the bytes of the body read
 * @param continuation the {@code X-MS-ContinuationToken} header: the next page's token when more remain (projects,
 *                  docs/azure-devops.md 7.1), else null
 */
record Listing(int entries, @Nullable Long declared, boolean complete, long bytes, @Nullable String continuation) {

    Listing(int entries, @Nullable Long declared, boolean complete, long bytes) {
        this(entries, declared, complete, bytes, null);
    }

    Listing withContinuation(@Nullable String token) {
        return new Listing(entries, declared, complete, bytes, token == null || token.isBlank() ? null : token.strip());
    }

    /** The true number: what was read when complete, else the larger of what was read and what was declared. */
    long total() {
        if (complete || declared == null) {
            return entries;
        }
        return Math.max(entries, declared);
    }
}
