package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationSummary;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small pieces shared by the grid and the detail page: label chips, status and expiry badges. */
final class IntegrationBadges {

    /** The theme of a label chip. */
    static final String LABEL_THEME = "badge contrast pill small";

    private IntegrationBadges() {
    }

    static Badge statusBadge(boolean enabled) {
        return Badge.themed(enabled ? "Enabled" : "Disabled", enabled ? "badge success" : "badge contrast");
    }

    static Component status(boolean enabled) {
        return statusBadge(enabled).span();
    }

    static Badge neverTested() {
        return Badge.themed("Never tested", "badge contrast");
    }

    /** The countdown to a token's expiry: "in 12 days", "tomorrow", "today", "expired 3 days ago", "Not entered". */
    static String expiry(@Nullable LocalDate expiresOn, LocalDate today) {
        return expiresOn == null ? "Not entered" : CredentialExpiry.countdown(expiresOn, today);
    }

    /**
     * The badge theme of an expiry's level (CredentialExpiry): a warning within 14 days, an error within 7, on the
     * last day and once expired; null when there is nothing to say.
     */
    static @Nullable String expiryTheme(CredentialExpiry.Level level) {
        return switch (level) {
            case NONE -> null;
            case DAYS_14 -> "badge warning";
            case DAYS_7, DAYS_1, EXPIRED -> "badge error";
        };
    }

    /** The grid's countdown of a row's credential: its token's expiry, or its SSH key's (a year after it was added). */
    static Badge expiryBadge(IntegrationSummary row, LocalDate today) {
        if (row.method() == AuthMethod.SERVICE_PRINCIPAL) {
            // its client secret's entered date or its certificate's end, kept in the token's column (decision 0019)
            return expiryBadge(row.tokenExpiresOn(), today, "Service principal's secret or certificate ");
        }
        if (row.method() != AuthMethod.SSH) {
            return expiryBadge(row.tokenExpiresOn(), today, "");
        }
        Badge badge = expiryBadge(row.expiresOn(), today, "SSH key ");
        if (row.sshKeyAddedOn() != null) {
            return new Badge(badge.text(), badge.theme(), badge.title() + " (added on " + row.sshKeyAddedOn() + ")",
                    badge.className());
        }
        return badge;
    }

    /** The countdown in the tone of its level; the date itself in the tooltip; "Not entered" muted. */
    private static Badge expiryBadge(@Nullable LocalDate expiresOn, LocalDate today, String what) {
        String text = expiry(expiresOn, today);
        if (expiresOn == null) {
            return new Badge(text, null, null, "muted");
        }
        CredentialExpiry.Level level = CredentialExpiry.level(expiresOn, today);
        String verb = level == CredentialExpiry.Level.EXPIRED ? "Expired on " : "Expires on ";
        return new Badge(text, expiryTheme(level), what.isEmpty() ? verb + expiresOn
                : what + verb.toLowerCase(Locale.ROOT) + expiresOn, null);
    }
}
