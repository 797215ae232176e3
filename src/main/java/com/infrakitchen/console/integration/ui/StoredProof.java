package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * A saved service principal's proof as the detail page shows it, write-only like every secret: which one it is and
 * since when, a certificate by its public facts, with Replace and "Keep the stored one" (what they do is
 * {@link ServicePrincipalEditor}'s).
 */
final class StoredProof extends Div {

    final Span text = new Span();
    final Button replace = new Button("Replace");
    final Button keep = new Button("Keep the stored one");

    StoredProof() {
        replace.setId("sp-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        text.setId("sp-stored");
        text.addClassName("secret-configured");
        Span label = new Span("Stored proof");
        label.addClassName("secret-label");
        add(label, text, new Div(replace, keep));
        addClassName("secret-box");
    }

    /** Shows {@code stored} (hidden when null), while a new one is entered or not, with the buttons allowed. */
    void show(@Nullable ServicePrincipalFacts stored, boolean replacing, boolean editable, boolean fieldsShown) {
        setVisible(fieldsShown && stored != null);
        replace.setVisible(editable && stored != null && !replacing && stored.proof() != PrincipalProof.FEDERATED);
        keep.setVisible(editable && stored != null && replacing);
        if (stored == null) {
            return;
        }
        String since = "configured on " + IntegrationTimes.format(stored.setAt());
        text.setText(switch (stored.proof()) {
            case CLIENT_SECRET -> "Client secret, " + since + (stored.secretExpiresOn() == null ? ""
                    : "; expires on " + stored.secretExpiresOn()) + ".";
            case CERTIFICATE -> "Certificate " + stored.certificateSubject() + " · thumbprint "
                    + stored.certificateThumbprint() + " · ends on " + stored.certificateExpiresOn() + "; " + since
                    + ".";
            case FEDERATED -> "Workload identity (nothing secret is stored), " + since + ".";
        } + (replacing ? " Enter the new one below; the stored one is kept until you save." : ""));
    }
}
