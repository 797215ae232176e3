package com.infrakitchen.console.integration.check;

import org.jspecify.annotations.Nullable;

/**
 * What one HTTP exchange of a test looked like, for the details a user or Microsoft support needs: the
 * URL called (it never carries the token), the status, the server's own message (JSON {@code message} or the
 * URL-decoded {@code X-TFS-ServiceError}), the {@code ActivityId}, and for a redirect only the target host.
 * Any field may be null when the exchange did not get that far.
 */
public record HttpDetails(@Nullable String method, @Nullable String url, @Nullable Integer status,
        @Nullable String contentType, @Nullable String serverMessage, @Nullable String activityId,
        @Nullable Long retryAfterSeconds, @Nullable String redirectHost, @Nullable String error) {
}
