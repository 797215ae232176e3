package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.CredentialExpiry.Level;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The Overview's notice that the stored token or SSH key runs out (issue 12; docs/product.md 7): hidden until it
 * expires within {@value CredentialExpiry#WARNING_DAYS} days, a warning then, stronger within
 * {@value CredentialExpiry#STRONG_WARNING_DAYS}, in the error tone on the last day and once expired
 * ({@code data-level}, console.css); with what to do about it at the provider, before which day. The levels are
 * {@link CredentialExpiry}'s, read on the application clock's today.
 */
final class ExpiryNotice extends Div {

    final Span badge = new Span();
    final Span headline = new Span();
    final Span hint = new Span();
    private final Icon icon = VaadinIcon.WARNING.create();
    private Level level = Level.NONE;

    ExpiryNotice() {
        setId("expiry-notice");
        addClassName("expiry-notice");
        headline.addClassName("expiry-notice-headline");
        hint.addClassName("expiry-notice-hint");
        badge.addClassName("expiry-notice-badge");
        icon.addClassName("expiry-notice-icon");
        Div text = new Div(headline, badge, hint);
        text.addClassName("expiry-notice-text");
        add(icon, text);
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    /** The level shown; {@link Level#NONE} while hidden. */
    Level level() {
        return level;
    }

    /** Shows what {@code facts} say about the stored credential's expiry on {@code today}, or hides. */
    void show(CredentialFacts facts, String provider, LocalDate today) {
        LocalDate on = facts.expiresOn();
        level = facts.configured() ? CredentialExpiry.level(on, today) : Level.NONE;
        setVisible(level.warns());
        if (on == null || !level.warns()) {
            getElement().removeAttribute("data-level");
            return;
        }
        getElement().setAttribute("data-level", level.name().toLowerCase(Locale.ROOT));
        boolean ssh = facts.method() == AuthMethod.SSH;
        boolean certificate = facts instanceof ServicePrincipalFacts p && p.proof() == PrincipalProof.CERTIFICATE;
        boolean principal = facts.method() == AuthMethod.SERVICE_PRINCIPAL;
        String what = ssh ? "The SSH key" : certificate ? "The certificate" : principal ? "The client secret"
                : "The token";
        String countdown = CredentialExpiry.countdown(on, today);
        headline.setText(level == Level.EXPIRED ? what + " " + countdown + " (on " + on + ")"
                : what + " expires " + countdown + " (on " + on + ")");
        badge.setText(switch (level) {
            case DAYS_14 -> "Within " + CredentialExpiry.WARNING_DAYS + " days";
            case DAYS_7 -> "Within " + CredentialExpiry.STRONG_WARNING_DAYS + " days";
            case DAYS_1 -> "Last day";
            case EXPIRED, NONE -> "Expired";
        });
        badge.getElement().getThemeList().clear();
        badge.getElement().getThemeList().add(IntegrationBadges.expiryTheme(level));
        String remedy = principal
                ? "Add a new " + (certificate ? "certificate" : "client secret") + " to the app registration"
                        + " (Azure portal → Certificates & secrets) and replace it here"
                : ssh
                ? "Add a new key in " + provider + " (User settings → SSH public keys), replace the key here and set"
                        + " Key added on"
                : "Create a new token in " + provider + " (User settings → Personal access tokens) and replace it"
                        + " here";
        hint.setText(level == Level.EXPIRED
                ? remedy + ": until then " + provider + " refuses it."
                : remedy + " before " + on + ".");
        icon.getElement().setAttribute("icon", level == Level.DAYS_1 || level == Level.EXPIRED
                ? "vaadin:exclamation-circle" : "vaadin:warning");
    }
}
