package com.infrakitchen.console.support.fakeado;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the fake before it becomes a {@code MockResponse}: status, content type, extra headers and body.
 * The dispatcher adds the correlation headers and the delay to every reply.
 */
final class Reply {

    /** Content type of every successful JSON reply; {@code %s} is the negotiated api-version. */
    static final String JSON_VERSIONED = "application/json; charset=utf-8; api-version=%s";
    /** Content type of the wrapped-exception error bodies, as in the captures of §5.2. */
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    final int code;
    final List<String[]> headers = new ArrayList<>();
    String contentType;
    /** Null means no body at all ({@code Content-Length: 0}, no content type). */
    String body;
    boolean stall;

    private Reply(int code) {
        this.code = code;
    }

    static Reply empty(int code) {
        return new Reply(code);
    }

    static Reply of(int code, String contentType, String body) {
        Reply reply = new Reply(code);
        reply.contentType = contentType;
        reply.body = body;
        return reply;
    }

    static Reply ok(String json, String apiVersion) {
        return of(200, JSON_VERSIONED.formatted(apiVersion), json);
    }

    static Reply error(int code, String json) {
        return of(code, JSON, json);
    }

    static Reply stalled() {
        Reply reply = new Reply(0);
        reply.stall = true;
        return reply;
    }

    Reply header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    /** The status line MockWebServer writes; it would otherwise say "Client Error" instead of the real phrase. */
    String statusLine() {
        String reason = switch (code) {
            case 200 -> "OK";
            case 203 -> "Non-Authoritative Information";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Unknown";
        };
        return "HTTP/1.1 " + code + " " + reason;
    }
}
