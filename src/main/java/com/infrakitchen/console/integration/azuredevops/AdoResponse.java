package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.check.HttpDetails;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One answer of Azure DevOps, read safely: the body capped (see {@link AzureDevOpsHttp}), JSON parsed only
 * when the content type says JSON, and the headers that matter for a diagnosis. Never holds the request's
 * credentials.
 *
 * @param body          the body as text, at most the cap ({@code truncated} says whether more was sent)
 * @param message       the JSON {@code message} of a wrapped exception, else null
 * @param typeKey       the JSON {@code typeKey} of a wrapped exception, else null
 * @param serviceError  {@code X-TFS-ServiceError}, URL-decoded
 * @param json          the parsed body when it was JSON and parsed, else null
 * @param listing       what a listing read as a stream came to (its entries went to a visitor), else null
 * @param continuationToken {@code X-MS-ContinuationToken}: where the next page of a paged listing starts, else null
 */
record AdoResponse(String method, String url, int status, @Nullable String contentType, String body,
        boolean truncated, @Nullable String message, @Nullable String typeKey, @Nullable String serviceError,
        @Nullable String activityId, @Nullable Long retryAfterSeconds, @Nullable String location,
        String wwwAuthenticate, tools.jackson.databind.@Nullable JsonNode json, long durationMillis,
        @Nullable Listing listing, @Nullable String continuationToken) {

    /** An answer without a continuation token (tests build them so). */
    AdoResponse(String method, String url, int status, @Nullable String contentType, String body, boolean truncated,
            @Nullable String message, @Nullable String typeKey, @Nullable String serviceError,
            @Nullable String activityId, @Nullable Long retryAfterSeconds, @Nullable String location,
            String wwwAuthenticate, tools.jackson.databind.@Nullable JsonNode json, long durationMillis,
            @Nullable Listing listing) {
        this(method, url, status, contentType, body, truncated, message, typeKey, serviceError, activityId,
                retryAfterSeconds, location, wwwAuthenticate, json, durationMillis, listing, null);
    }

    boolean isJson() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    boolean isHtml() {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/html") || (!isJson() && body.stripLeading().startsWith("<"));
    }

    boolean isEmpty() {
        return body.isBlank();
    }

    /** The server's own words: the JSON message, else the decoded service error header, else a plain text body. */
    @Nullable String serverText() {
        if (message != null && !message.isBlank()) {
            return message;
        }
        if (serviceError != null && !serviceError.isBlank()) {
            return serviceError;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return clip(body.strip());
        }
        return null;
    }

    /** The target host of a redirect, never the full URL (it may carry a sign-in reply address). */
    @Nullable String redirectHost() {
        if (location == null) {
            return null;
        }
        var parsed = okhttp3.HttpUrl.parse(location);
        return parsed == null ? "(an unreadable location)" : parsed.host();
    }

    HttpDetails details() {
        return new HttpDetails(method, url, status, contentType, serverText(), activityId, retryAfterSeconds,
                status >= 300 && status < 400 ? redirectHost() : null, null);
    }

    /** At most 200 characters, as text; a response body is never rendered as HTML (docs/security.md 3.5). */
    static @Nullable String clip(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
