package com.infrakitchen.console.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The "what" of an audit event as a small JSON object: field-level diffs ({@code {"role":{"from":
 * "VIEWER","to":"EDITOR"}}}), secrets only as {@code {"changed":true}}, and plain facts. Never put a
 * secret value in here: there is deliberately no way to add an arbitrary object.
 */
public final class AuditDetails {

    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    public static AuditDetails of() {
        return new AuditDetails();
    }

    public AuditDetails put(String key, @Nullable String value) {
        values.put(key, value);
        return this;
    }

    public AuditDetails put(String key, long value) {
        values.put(key, value);
        return this;
    }

    public AuditDetails put(String key, boolean value) {
        values.put(key, value);
        return this;
    }

    /** A changed field, recorded as from/to. Unchanged values are skipped. */
    public AuditDetails change(String field, @Nullable Object from, @Nullable Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, @Nullable Object> diff = new LinkedHashMap<>();
            diff.put("from", from == null ? null : String.valueOf(from));
            diff.put("to", to == null ? null : String.valueOf(to));
            values.put(field, diff);
        }
        return this;
    }

    /** A secret field: only whether it changed, never a value. */
    public AuditDetails secretChanged(String field, boolean changed) {
        values.put(field, Map.of("changed", changed));
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        write(sb, values);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }

    private static void write(StringBuilder sb, @Nullable Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            writeString(sb, value.toString());
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
