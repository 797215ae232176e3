package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.check.CheckRecord;
import com.infrakitchen.console.integration.check.CheckResult;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The diagnosis the Connection tab shows and reports: a stored result (with its trigger and who started it) or one
 * that was not stored (a test refused before it ran), which has neither.
 *
 * @param trigger "Manual · alice", or null for a result that was not stored
 */
record Diagnosis(CheckResult result, @Nullable String trigger) {

    static Diagnosis of(CheckRecord r) {
        return new Diagnosis(r.asResult(), trigger(r));
    }

    static Diagnosis unstored(CheckResult r) {
        return new Diagnosis(r, null);
    }

    /** "Manual · alice". */
    static String trigger(CheckRecord r) {
        String name = r.trigger().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT) + " · " + r.actor();
    }
}
