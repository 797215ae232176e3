package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Removes the secrets a test used from everything it reports, before anything is shown, audited or stored: a server
 * that echoes the token (or a part of it) in its message must not get it onto a screen, into the database or into a
 * support report. A piece of text is removed when it matches {@value #WINDOW} or more consecutive characters of a
 * secret (of a line of a multi-line secret such as a private key, armour and header lines left out), or of the
 * {@code base64} forms a token travels in ({@code Basic base64(":" + token)}). Secrets shorter than
 * {@value #SHORTEST} characters are not looked for (they would match ordinary words).
 *
 * <p>Holds copies of the secrets as {@code char} arrays only, never as strings; {@link #wipe()} clears them.
 */
public final class SecretRedaction {

    static final String REMOVED = "[secret removed]";
    static final int WINDOW = 8;
    static final int SHORTEST = 4;

    private final List<char[]> materials;

    private SecretRedaction(List<char[]> materials) {
        this.materials = materials;
    }

    public static SecretRedaction of(List<Secret> secrets) {
        List<char[]> materials = new ArrayList<>();
        for (Secret secret : secrets) {
            byte[] bytes = secret.bytes();
            try {
                char[] chars = decode(bytes);
                if (contains(chars, '\n')) {
                    lines(chars, materials);
                    Arrays.fill(chars, '\0');
                } else {
                    add(materials, chars);
                    add(materials, base64(prefixed(bytes)));
                    add(materials, base64(bytes));
                }
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return new SecretRedaction(materials);
    }

    CheckResult scrub(CheckResult r) {
        return new CheckResult(r.category(), r.organization(), scrub(r.identity()), r.projectCount(),
                r.repositoryCount(), r.steps().stream().map(this::scrub).toList(), scrub(r.decisive()), r.startedAt(),
                r.durationMillis(), r.fingerprint());
    }

    CheckStep scrub(CheckStep s) {
        return new CheckStep(text(s.name()), s.status(), text(s.summary()), s.durationMillis(), scrub(s.http()));
    }

    public @Nullable HttpDetails scrub(@Nullable HttpDetails d) {
        return d == null ? null : new HttpDetails(scrub(d.method()), scrub(d.url()), d.status(),
                scrub(d.contentType()), scrub(d.serverMessage()), scrub(d.activityId()), d.retryAfterSeconds(),
                scrub(d.redirectHost()), scrub(d.error()));
    }

    @Nullable String scrub(@Nullable String text) {
        return text == null ? null : text(text);
    }

    /** {@code text} with every run that matches a piece of a secret replaced by {@value #REMOVED}. */
    public String text(String text) {
        if (materials.isEmpty() || text.isEmpty()) {
            return text;
        }
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        for (char[] m : materials) {
            int w = Math.min(WINDOW, m.length);
            for (int i = 0; i + w <= text.length(); i++) {
                if (matchesSomewhere(text, i, w, m)) {
                    Arrays.fill(covered, i, i + w, true);
                    any = true;
                }
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(REMOVED);
            }
        }
        return out.toString();
    }

    public void wipe() {
        materials.forEach(m -> Arrays.fill(m, '\0'));
        materials.clear();
    }

    private static boolean matchesSomewhere(String text, int at, int w, char[] m) {
        char first = text.charAt(at);
        for (int j = 0; j + w <= m.length; j++) {
            if (m[j] != first) {
                continue;
            }
            int k = 1;
            while (k < w && m[j + k] == text.charAt(at + k)) {
                k++;
            }
            if (k == w) {
                return true;
            }
        }
        return false;
    }

    /** The body lines of a multi-line secret (a PEM key): not the armour, not header lines such as Proc-Type. */
    private static void lines(char[] chars, List<char[]> out) {
        int start = 0;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || chars[i] == '\n' || chars[i] == '\r') {
                int from = start;
                int to = i;
                while (from < to && Character.isWhitespace(chars[from])) {
                    from++;
                }
                while (to > from && Character.isWhitespace(chars[to - 1])) {
                    to--;
                }
                char[] line = Arrays.copyOfRange(chars, from, to);
                if (line.length > 0 && !(line.length >= 5 && line[0] == '-' && line[4] == '-')
                        && !contains(line, ':')) {
                    add(out, line);
                } else {
                    Arrays.fill(line, '\0');
                }
                start = i + 1;
            }
        }
    }

    private static void add(List<char[]> out, char[] material) {
        if (material.length >= SHORTEST) {
            out.add(material);
        } else {
            Arrays.fill(material, '\0');
        }
    }

    private static boolean contains(char[] chars, char c) {
        for (char each : chars) {
            if (each == c) {
                return true;
            }
        }
        return false;
    }

    private static char[] decode(byte[] bytes) {
        CharBuffer buffer = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }

    private static byte[] prefixed(byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = ':';
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    /** Base64 without padding (an echo may cut it anywhere), the input wiped. */
    private static char[] base64(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().withoutPadding().encode(bytes);
        Arrays.fill(bytes, (byte) 0);
        char[] chars = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            chars[i] = (char) encoded[i];
        }
        Arrays.fill(encoded, (byte) 0);
        return chars;
    }
}
