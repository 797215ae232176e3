package com.infrakitchen.console.integration.check;

/**
 * What one HTTP exchange of a test looked like, for the details a user or Microsoft support needs: the
 * URL called (it never carries the token), the status, the server's own message (JSON {@code message} or the
 * URL-decoded {@code X-TFS-ServiceError}), the {@code ActivityId}, and for a redirect only the target host.
 * Any field may be null when the exchange did not get that far.
 */
public record HttpDetails(String method, String url, Integer status, String contentType, String serverMessage,
        String activityId, Long retryAfterSeconds, String redirectHost, String error) {
}
