package com.infrakitchen.console.integration;

import com.infrakitchen.console.shared.AsciiText;
import com.infrakitchen.console.shared.TextLimits;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of docs/product.md section 4 that hold for every provider (name, description, labels), in one place:
 * the form uses them for field limits and live messages, {@link IntegrationService} applies them again before
 * anything is stored. The organization, credential and test repository rules are the provider's
 * ({@code provider.IntegrationProvider}).
 */
public final class IntegrationRules {

    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 64;
    /**
     * ASCII letters and digits, '-', '_'; starts with a letter or digit. ASCII only: a name in another script can
     * look exactly like an existing one (Cyrillic 'о' in "gоod-int") and both would stand side by side in the grid.
     */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,63}");
    public static final String NAME_RULE = "2 to 64 characters: letters, digits, '-' or '_' (ASCII only: A-Z, a-z,"
            + " 0-9), starting with a letter or digit";

    public static final int DESCRIPTION_MAX = 500;

    public static final int LABEL_MAX = 40;
    public static final int LABELS_MAX = 20;
    public static final Pattern LABEL = Pattern.compile("[a-z0-9._-]{1,40}");
    public static final String LABEL_RULE = "1 to 40 characters: lowercase letters, digits, '-', '_' or '.'";

    private IntegrationRules() {
    }

    // ---- name -----------------------------------------------------------------------------------

    /**
     * Trimmed only. Not NFC-normalised: names are ASCII, and NFC would quietly turn a look-alike into ASCII (the
     * Kelvin sign U+212A into 'K') and save another name than the one typed; refused, it is shown.
     */
    public static String normaliseName(@Nullable String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** The column the unique constraint is on: case-insensitive. */
    public static String nameKey(String normalisedName) {
        return normalisedName.toLowerCase(Locale.ROOT);
    }

    public static Optional<String> nameProblem(String normalisedName) {
        if (normalisedName.isEmpty()) {
            return Optional.of("Integration Name is required");
        }
        int length = TextLimits.length(normalisedName);
        if (length > NAME_MAX) {
            return Optional.of(TextLimits.tooLong("Integration Name", length, NAME_MAX));
        }
        if (length < NAME_MIN || !NAME.matcher(normalisedName).matches()) {
            String found = TextLimits.firstNotAllowed(normalisedName, "-_");
            return Optional.of("Integration Name must be " + NAME_RULE + (found.isEmpty() ? "" : "; " + found
                    + " is not allowed"));
        }
        return Optional.empty();
    }

    // ---- description ----------------------------------------------------------------------------

    /** Line breaks are kept (as \n); tabs become spaces. */
    public static String normaliseDescription(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw.replace("\r\n", "\n").replace('\t', ' ').strip(), Normalizer.Form.NFC);
    }

    public static Optional<String> descriptionProblem(String normalised) {
        int length = TextLimits.length(normalised);
        if (length > DESCRIPTION_MAX) {
            return Optional.of(TextLimits.tooLong("Description", length, DESCRIPTION_MAX));
        }
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c != '\n' && (Character.isISOControl(c) || isBidiControl(c))) {
                return Optional.of("Description must not contain control characters (found U+"
                        + String.format("%04X", (int) c) + ")");
            }
        }
        return Optional.empty();
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }

    // ---- labels ---------------------------------------------------------------------------------

    /**
     * Trimmed, and A-Z lower-cased; nothing else is changed (Java's own lower-casing turns the Kelvin sign into
     * an ASCII 'k', a look-alike becoming another label): any other character stays, for the rule to refuse.
     */
    public static String normaliseLabel(String raw) {
        return AsciiText.trimAndLowerAscii(raw);
    }

    public static Optional<String> labelProblem(String normalisedLabel) {
        if (normalisedLabel.isEmpty()) {
            return Optional.of("A label must not be empty");
        }
        int length = TextLimits.length(normalisedLabel);
        if (length > LABEL_MAX) {
            return Optional.of(TextLimits.tooLong("Label \"" + shortened(normalisedLabel) + "\"", length, LABEL_MAX));
        }
        return labelRuleBroken(normalisedLabel).map(why -> "Label \"" + normalisedLabel + "\": " + why);
    }

    /**
     * Why a label is refused, said of what was typed ("'Foo Bar!' was not added: " + this): "it has 41
     * characters; at most 40", "a space (U+0020) at position 4 is not allowed; labels are ...".
     */
    public static Optional<String> labelRuleBroken(String normalisedLabel) {
        if (normalisedLabel.isEmpty()) {
            return Optional.of("a label must not be empty");
        }
        int length = TextLimits.length(normalisedLabel);
        if (length > LABEL_MAX) {
            return Optional.of(TextLimits.tooLong("it", length, LABEL_MAX));
        }
        if (!LABEL.matcher(normalisedLabel).matches()) {
            String found = TextLimits.firstNotAllowed(normalisedLabel, "._-");
            return Optional.of((found.isEmpty() ? "" : found + " is not allowed; ") + "labels are " + LABEL_RULE);
        }
        return Optional.empty();
    }

    /** A label as quoted in a message: at most 40 characters of it. */
    public static String shortened(String label) {
        return label.length() <= LABEL_MAX ? label : label.substring(0, LABEL_MAX - 1) + "…";
    }

    /** Normalised, duplicates dropped, order kept. Throws on the first invalid label or too many. */
    public static List<String> normaliseLabels(List<String> raw) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String label : raw) {
            String n = normaliseLabel(label);
            labelProblem(n).ifPresent(p -> {
                throw new IntegrationRuleViolation("labels", p);
            });
            out.add(n);
        }
        if (out.size() > LABELS_MAX) {
            throw new IntegrationRuleViolation("labels", "At most " + LABELS_MAX + " labels (there are "
                    + out.size() + ")");
        }
        return new ArrayList<>(out);
    }
}
