package com.infrakitchen.console.shared;

import org.jspecify.annotations.Nullable;

/**
 * Case folding that cannot create look-alikes: only A-Z become a-z. Java's own lower-casing maps some non-ASCII
 * characters to ASCII ones (the Kelvin sign U+212A to 'k'), which would let "\u212Aate" sign in as "kate" or
 * become another label; kept as typed, any non-ASCII character is refused by the rule that follows.
 */
public final class AsciiText {

    private AsciiText() {
    }

    /** Trimmed, A-Z lower-cased, nothing else changed; "" for null. */
    public static String trimAndLowerAscii(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.strip());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return out.toString();
    }
}
