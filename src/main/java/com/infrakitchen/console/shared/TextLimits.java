package com.infrakitchen.console.shared;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Length rules for typed text, shared by every feature's rules. A field never cuts what was typed to its limit
 * (no {@code maxlength} at the limit: that would save another value than the one typed, without a word); it
 * says how long the text is and how long it may be, and keeps it for the user to shorten. Only
 * {@link #FIELD_HARD_MAX} bounds what a browser field takes, far above every limit, against abuse: text of exactly
 * that length may have been cut there, so it is said to have "or more"; it breaks every limit, so it is never saved.
 */
public final class TextLimits {

    /** The most a text field takes in the browser ({@code maxlength}): far above any rule, never saved. */
    public static final int FIELD_HARD_MAX = 100_000;

    private TextLimits() {
    }

    /** Characters as a user counts them (code points, so an emoji is one). */
    public static int length(@Nullable String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** "Description has 10,000 characters; at most 500". */
    public static String tooLong(String field, int length, int max) {
        return field + " has " + count(length) + (length == FIELD_HARD_MAX ? " characters or more" : " characters")
                + "; at most " + count(max);
    }

    /** 10000 as "10,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * The first character outside ASCII letters, digits and {@code allowedPunctuation}, for a message: "'о' (U+043E)
     * at position 2" (a look-alike from another script), "a space (U+0020) at position 4", "U+202E at position 5"
     * (what cannot be shown). Empty when
     * there is none.
     */
    public static String firstNotAllowed(String text, String allowedPunctuation) {
        int position = 1;
        for (int i = 0; i < text.length(); position++) {
            int cp = text.codePointAt(i);
            boolean ok = cp < 128 && (Character.isLetterOrDigit(cp) || allowedPunctuation.indexOf(cp) >= 0);
            if (!ok) {
                boolean showable = !Character.isISOControl(cp) && !Character.isWhitespace(cp)
                        && !Character.isSpaceChar(cp) && Character.getType(cp) != Character.FORMAT
                        && Character.getType(cp) != Character.NON_SPACING_MARK;
                String what = cp == ' ' ? "a space (" + codePoint(cp) + ")"
                        : showable ? "'" + new String(Character.toChars(cp)) + "' (" + codePoint(cp) + ")"
                        : codePoint(cp);
                return what + " at position " + position;
            }
            i += Character.charCount(cp);
        }
        return "";
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
