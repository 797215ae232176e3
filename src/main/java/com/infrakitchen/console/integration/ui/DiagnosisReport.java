package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * "Copy report": one diagnosis as plain text for a support ticket, built on the server: the integration (name,
 * organization, method), the console's version, when and how it ran, each step with its duration and message, the
 * deciding exchange (HTTP status, the provider's message, ActivityId) and every URL called. Each text goes through
 * {@link ReportRedaction}, so no secret, token length or private key reaches it even when a server echoed one.
 */
final class DiagnosisReport {

    /** What the report says about the integration; {@code provider} as the screens name it ("Azure DevOps"). */
    record Subject(String integrationName, String organization, String method, String provider, String version) {
    }

    private DiagnosisReport() {
    }

    static String of(Subject subject, Diagnosis diagnosis) {
        return of(subject, diagnosis, null);
    }

    /** The report, its headline and hint worded for {@code today} (some answers' meaning changed on a date). */
    static String of(Subject subject, Diagnosis diagnosis, @Nullable LocalDate today) {
        CheckResult r = diagnosis.result();
        Lines out = new Lines();
        out.text("InfraKitchen connection report");
        out.field("Integration", subject.integrationName());
        out.field("Organization", subject.organization());
        out.field("Provider", subject.provider());
        out.field("Method", subject.method());
        out.field("Console version", subject.version());
        out.field("Tested at", IntegrationTimes.format(r.startedAt()));
        out.field("Trigger", diagnosis.trigger() == null ? "not stored" : diagnosis.trigger());
        out.field("Outcome", r.outcome().label() + ": " + (today == null ? r.headline() : r.headline(today)));
        if (r.outcome() != CheckOutcome.CONNECTED) {
            out.field("What to do", today == null ? r.hint() : r.hint(today));
        }
        out.field("Duration", ConnectionIndicator.seconds(r.durationMillis()));
        out.text("");
        out.text("Steps");
        int n = 1;
        for (CheckStep step : r.steps()) {
            out.text("  " + n++ + ". " + step.name() + ": " + step.status().name().toLowerCase(Locale.ROOT)
                    + (step.durationMillis() > 0 ? " (" + ConnectionIndicator.seconds(step.durationMillis()) + ")" : "")
                    + " - " + step.summary());
            if (step.http() != null && step.http().url() != null) {
                out.text("     " + call(step.http()));
            }
        }
        if (r.steps().isEmpty()) {
            out.text("  (no step ran)");
        }
        HttpDetails d = r.decisive();
        if (d != null) {
            out.text("");
            out.text("Deciding exchange");
            out.field("HTTP status", d.status() == null ? null : String.valueOf(d.status()));
            out.field(subject.provider() + " message", d.serverMessage());
            out.field("ActivityId", d.activityId());
            out.field("Retry after", d.retryAfterSeconds() == null ? null : d.retryAfterSeconds() + " s");
            out.field("Redirect to host", d.redirectHost());
            out.field("Error", d.error());
            out.field("URL called", d.url() == null ? null : call(d));
        }
        List<String> urls = urls(r);
        out.text("");
        out.text("URLs called");
        urls.forEach(u -> out.text("  " + u));
        if (urls.isEmpty()) {
            out.text("  (none)");
        }
        out.text("");
        out.text("Secrets, the token's length and private keys are removed from this report.");
        return out.toString();
    }

    private static List<String> urls(CheckResult r) {
        Set<String> urls = new LinkedHashSet<>();
        for (CheckStep step : r.steps()) {
            if (step.http() != null && step.http().url() != null) {
                urls.add(call(step.http()));
            }
        }
        if (r.decisive() != null && r.decisive().url() != null) {
            urls.add(call(r.decisive()));
        }
        return new ArrayList<>(urls);
    }

    private static String call(HttpDetails d) {
        return (d.method() == null ? "" : d.method() + " ") + d.url() + (d.status() == null ? "" : " -> " + d.status());
    }

    /** The report's lines, each text scrubbed as it is added. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        /** One line: scrubbed first (a key block spans lines), then any line break inside it made a space. */
        void text(String line) {
            text.append(ReportRedaction.scrub(line).stripTrailing().replaceAll("\\s*[\\r\\n]+\\s*", " "));
            text.append('\n');
        }

        void field(String label, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                text(label + ": " + value);
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
