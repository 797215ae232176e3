package com.infrakitchen.console.base;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns H2's "Database may be already in use" (error 90020) at start-up into a message that names the
 * file and says what to do: the embedded database belongs to one process at a time.
 */
public class H2FileInUseFailureAnalyzer implements FailureAnalyzer {

    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern FILE = Pattern.compile("in use: \"?([^\"]+?)\"?\\.\\s");

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                String file = fileOf(sql.getMessage());
                return new FailureAnalysis(
                        "The embedded H2 database file " + file + " is in use by another process (H2 error 90020)."
                                + " The embedded database can be opened by one console instance at a time.",
                        "Stop the other console instance that uses this data directory, or start this one with"
                                + " another directory (APP_DATA_DIR). To run several instances, use PostgreSQL"
                                + " (profile 'postgres', see the README).",
                        failure);
            }
        }
        return null;
    }

    static String fileOf(@Nullable String message) {
        if (message != null) {
            Matcher m = FILE.matcher(message);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "(unknown file)";
    }
}
