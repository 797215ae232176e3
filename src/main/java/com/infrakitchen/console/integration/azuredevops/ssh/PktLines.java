package com.infrakitchen.console.integration.azuredevops.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reference advertisement {@code git-upload-pack} starts with (Git pack protocol, version 0/1): pkt-lines
 * of four hex digits of length, each a reference ({@code <object id> <name>}, the first one followed by NUL and the
 * capabilities), ended by the flush packet {@code 0000}. An empty repository advertises one line,
 * {@code <zero id> capabilities^{}}. Reads at most {@link #MAX_BYTES}; a longer list is cut short (it already proved
 * what the test needs).
 */
final class PktLines {

    static final int MAX_BYTES = 1 << 20;
    static final byte[] FLUSH = "0000".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("^(?:[0-9a-f]{40}|[0-9a-f]{64}) ([^\\x00\\s]+)");
    private static final Pattern SYMREF_HEAD = Pattern.compile("(?:^|\\s)symref=HEAD:(\\S+)");

    private PktLines() {
    }

    /**
     * @param refs       references seen (the empty repository's {@code capabilities^{}} line is not one)
     * @param empty      the empty-repository line was seen
     * @param flush      the advertisement ended with a flush packet
     * @param truncated  more than {@link #MAX_BYTES} came; reading stopped
     * @param headTarget what HEAD points to, from the {@code symref} capability, or null
     * @param error      the text of an {@code ERR} packet, or null
     * @param unexpected what came instead of pkt-lines (printable, clipped), or null
     */
    record Advertisement(int refs, boolean empty, boolean flush, boolean truncated, @Nullable String headTarget,
            @Nullable String error, @Nullable String unexpected) {

        /** At least one reference, or an empty repository: the server let this key read this repository. */
        boolean provesAccess() {
            return error == null && unexpected == null && (refs > 0 || empty);
        }
    }

    static Advertisement read(InputStream in) throws IOException {
        return read(in, null);
    }

    /** As {@link #read(InputStream)}, handing each advertised reference's name ({@code HEAD} too) to {@code names}. */
    static Advertisement read(InputStream in, @Nullable Consumer<String> names) throws IOException {
        int refs = 0;
        boolean empty = false;
        String head = null;
        long total = 0;
        while (true) {
            byte[] length = readUpTo(in, 4);
            if (length.length == 0) {
                return new Advertisement(refs, empty, false, false, head, null, null);
            }
            int n = hex(length);
            if (length.length < 4 || n < 0) {
                byte[] more = readUpTo(in, 120);
                return new Advertisement(refs, empty, false, false, head, null,
                        printable(concat(length, more)));
            }
            if (n == 0 || n == 1 || n == 2) {
                return new Advertisement(refs, empty, true, false, head, null, null);
            }
            if (n < 4) {
                return new Advertisement(refs, empty, false, false, head, null, "a pkt-line of length " + n);
            }
            total += n;
            if (total > MAX_BYTES) {
                return new Advertisement(refs, empty, false, true, head, null, null);
            }
            byte[] payload = readUpTo(in, n - 4);
            if (payload.length < n - 4) {
                return new Advertisement(refs, empty, false, false, head, null,
                        refs > 0 || empty ? null : "an incomplete pkt-line");
            }
            String line = new String(payload, StandardCharsets.UTF_8);
            if (line.endsWith("\n")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("ERR ")) {
                return new Advertisement(refs, empty, false, false, head, clip(line.substring(4)), null);
            }
            if (line.startsWith("version ") || line.startsWith("#")) {
                continue;
            }
            Matcher ref = REF.matcher(line);
            if (!ref.find()) {
                return new Advertisement(refs, empty, false, false, head, null, printable(payload));
            }
            if (ref.group(1).equals("capabilities^{}")) {
                empty = true;
            } else {
                refs++;
                if (names != null) {
                    names.accept(ref.group(1));
                }
            }
            int nul = line.indexOf('\0');
            if (head == null && nul >= 0) {
                Matcher symref = SYMREF_HEAD.matcher(line.substring(nul + 1));
                head = symref.find() ? symref.group(1) : null;
            }
        }
    }

    private static byte[] readUpTo(InputStream in, int count) throws IOException {
        byte[] buffer = new byte[count];
        int read = 0;
        while (read < count) {
            int r = in.read(buffer, read, count - read);
            if (r < 0) {
                break;
            }
            read += r;
        }
        return read == count ? buffer : Arrays.copyOf(buffer, read);
    }

    private static int hex(byte[] length) {
        int n = 0;
        for (byte b : length) {
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                return -1;
            }
            n = n * 16 + digit;
        }
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Bytes as text a user can read: printable ASCII kept, anything else as a space; clipped. */
    static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b >= 0x20 && b < 0x7f ? (char) b : ' ');
        }
        return clip(out.toString().strip().replaceAll(" {2,}", " "));
    }

    static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
