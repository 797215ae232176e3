package com.infrakitchen.console.integration.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard of a support report, which leaves the console: removes whatever looks like a secret from each of
 * its texts, whether or not it is this integration's (the exact secrets of a test are already removed from its
 * result when it runs, see {@code check.SecretRedaction}; this also covers a replaced token a server echoed in an
 * older result). Removed: private key blocks ({@code -----BEGIN ... PRIVATE KEY-----} to its end, or to the end of
 * the text when cut), {@code Basic}/{@code Bearer} credentials, JWTs, runs of 16 or more letters and digits that
 * mix both (tokens; GUIDs such as ActivityIds are split by their hyphens and stay), runs of 40 or more base64
 * characters with a digit (lines of a key), and a token's length ("60 characters"). SSH fingerprints
 * ({@code SHA256:...}) are public and stay.
 */
final class ReportRedaction {

    static final String REMOVED = "[removed]";

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?s:.*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(Basic|Bearer)\\s+[A-Za-z0-9+/=._~-]{6,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{40,}");
    private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]{16,}");
    private static final Pattern LENGTH = Pattern.compile("(\\(|\\bhas )\\d[\\d,]*( characters)");

    private ReportRedaction() {
    }

    static String scrub(String text) {
        String s = PRIVATE_KEY.matcher(text).replaceAll(REMOVED);
        s = CREDENTIAL.matcher(s).replaceAll("$1 " + REMOVED);
        s = JWT.matcher(s).replaceAll(REMOVED);
        s = LENGTH.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(REMOVED) + "$2");
        StringBuilder out = new StringBuilder();
        Matcher fingerprints = FINGERPRINT.matcher(s);
        int at = 0;
        while (fingerprints.find()) {
            out.append(runs(s.substring(at, fingerprints.start()))).append(fingerprints.group());
            at = fingerprints.end();
        }
        return out.append(runs(s.substring(at))).toString();
    }

    private static String runs(String s) {
        String t = BASE64_RUN.matcher(s).replaceAll(m -> hasDigit(m.group()) ? REMOVED : Matcher.quoteReplacement(
                m.group()));
        return ALNUM_RUN.matcher(t).replaceAll(m -> hasDigit(m.group()) && hasLetter(m.group()) ? REMOVED
                : m.group());
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
