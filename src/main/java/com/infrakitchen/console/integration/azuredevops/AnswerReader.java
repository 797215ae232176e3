package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.ReadMode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one answer of Azure DevOps safely (docs/security.md 3.4, 3.5): the body capped, JSON parsed only when the
 * content type says JSON, a listing streamed ({@link ListingReader}), and the headers a diagnosis shows.
 */
final class AnswerReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerReader() {
    }

    static AdoResponse read(Call call, Response r, long start, ReadMode mode, @Nullable Consumer<JsonNode> entries,
            AzureDevOpsProperties properties) throws IOException {
        try (Response response = r) {
            ResponseBody body = response.body();
            String contentType = response.header("Content-Type");
            if (mode == ReadMode.LISTING && response.code() == 200 && isJson(contentType)) {
                Listing listing = ListingReader.read(body.byteStream(), properties.maxListingBytes(), entries);
                if (listing != null) {
                    listing = listing.withContinuation(response.header("X-MS-ContinuationToken"));
                }
                return answer(call, response, "", false, null, millisSince(start), listing);
            }
            BufferedSource source = body.source();
            int cap = properties.maxBodyBytes();
            boolean truncated = source.request(cap + 1L) && mode != ReadMode.HEAD;
            long available = Math.min(source.getBuffer().size(), cap);
            String text = source.getBuffer().readString(available, StandardCharsets.UTF_8);
            long millis = millisSince(start);
            JsonNode json = null;
            if (!truncated && mode != ReadMode.HEAD && isJson(contentType) && !text.isBlank()) {
                try {
                    json = JSON.readTree(text);
                } catch (JacksonException e) {
                    json = null;
                }
            }
            return answer(call, response, text, truncated, json, millis, null);
        }
    }

    /** The answer with the headers a diagnosis shows; {@code json} and {@code listing} as read, else null. */
    private static AdoResponse answer(Call call, Response response, String text, boolean truncated,
            @Nullable JsonNode json, long millis, @Nullable Listing listing) {
        String retryAfter = response.header("Retry-After") != null ? response.header("Retry-After")
                : response.header(AzureDevOpsHttp.RETRY_AFTER_ZERO);
        return new AdoResponse(call.request().method(), redacted(call.request().url()), response.code(),
                response.header("Content-Type"), text, truncated, textOf(json, "message"), textOf(json, "typeKey"),
                decode(response.header("X-TFS-ServiceError")), response.header("ActivityId"), retryAfter(retryAfter),
                response.header("Location"), String.join(", ", response.headers("WWW-Authenticate")), json, millis,
                listing);
    }

    private static boolean isJson(@Nullable String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The URL as shown to users: never with user info (there is none: the token goes in a header). */
    static String redacted(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    private static @Nullable String textOf(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static @Nullable String decode(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    static @Nullable Long retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
