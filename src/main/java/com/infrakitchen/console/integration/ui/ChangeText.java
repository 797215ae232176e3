package com.infrakitchen.console.integration.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an audit event's JSON details into a line a person reads: {@code name: "a" → "b"; token:
 * changed}. Only the shapes {@code AuditDetails} writes are understood; anything else is shown as is.
 */
final class ChangeText {

    private static final Pattern DIFF = Pattern.compile(
            "\"([^\"]+)\":\\{\"from\":(null|\"(?:[^\"\\\\]|\\\\.)*\"),\"to\":(null|\"(?:[^\"\\\\]|\\\\.)*\")\\}");
    private static final Pattern SECRET = Pattern.compile("\"([^\"]+)\":\\{\"changed\":(true|false)\\}");

    private ChangeText() {
    }

    static String describe(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        Matcher diff = DIFF.matcher(json);
        while (diff.find()) {
            parts.add(diff.group(1) + ": " + unquote(diff.group(2)) + " → " + unquote(diff.group(3)));
        }
        Matcher secret = SECRET.matcher(json);
        while (secret.find()) {
            parts.add(secret.group(1) + ": " + ("true".equals(secret.group(2)) ? "changed" : "unchanged"));
        }
        return parts.isEmpty() ? json : String.join("; ", parts);
    }

    private static String unquote(String value) {
        if ("null".equals(value)) {
            return "(none)";
        }
        String inner = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\n", " ")
                .replace("\\\\", "\\");
        return inner.isEmpty() ? "(empty)" : "\"" + inner + "\"";
    }
}
