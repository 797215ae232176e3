package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.SshKeyService.KeyFacts;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

/**
 * What may be shown of a key, new or stored: type and size, SHA256 and MD5 fingerprints, the public key line with
 * a copy button and what to do with it in Azure DevOps; and the key's actions (use another, replace, keep the
 * stored one), whose visibility and effect {@link SshKeyField} decides. Never holds the private key.
 */
class SshKeyFactsPanel extends Div {

    final Span factsHeadline = new Span();
    final Span sha256 = new Span();
    final Span md5 = new Span();
    final TextField publicKey = new TextField("Public key");
    final Button copy = new Button("Copy public key");
    final Button another = new Button("Use another key");
    final Button replace = new Button("Replace key");
    final Button keep = new Button("Keep the stored key");
    final Span instruction = new Span();
    /** A stored key's "Key added on" and "Key expires on". */
    final Span keyDates = new Span();

    /**
     * @param onAnother runs on Use another key
     * @param onReplace runs on Replace key
     * @param onKeep    runs on Keep the stored key
     */
    SshKeyFactsPanel(Runnable onAnother, Runnable onReplace, Runnable onKeep) {
        setId("ssh-key-facts");
        addClassName("ssh-key-facts");
        factsHeadline.setId("ssh-key-headline");
        factsHeadline.addClassName("ssh-key-headline");
        sha256.setId("ssh-fingerprint-sha256");
        md5.setId("ssh-fingerprint-md5");
        publicKey.setId("ssh-public-key");
        publicKey.setReadOnly(true);
        publicKey.setWidthFull();
        copy.setId("ssh-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(e -> copy.getUI().ifPresent(ui -> ui.getPage().executeJs(
                "navigator.clipboard && navigator.clipboard.writeText($0)", publicKey.getValue())));
        another.setId("ssh-another");
        another.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        another.addClickListener(e -> onAnother.run());
        replace.setId("ssh-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.addClickListener(e -> onReplace.run());
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        keep.addClickListener(e -> onKeep.run());
        instruction.addClassName("ssh-instruction");
        keyDates.setId("ssh-key-dates");
        keyDates.addClassName("ssh-key-dates");
        Div fingerprints = new Div(new Span("SHA256 "), sha256, new Span(" · MD5 "), md5);
        fingerprints.addClassName("ssh-fingerprints");
        Div factActions = new Div(copy, another, replace, keep);
        factActions.addClassName("secret-actions");
        add(factsHeadline, fingerprints, keyDates, publicKey, instruction, factActions);
    }

    /** A key just pasted, uploaded or generated, not yet saved. */
    void showNew(KeyFacts f, boolean generated) {
        factsHeadline.setText(f.description() + (generated ? " · generated here, the private key never leaves the server"
                : f.encrypted() ? " · encrypted with its passphrase" : ""));
        sha256.setText(f.fingerprintSha256());
        md5.setText(f.fingerprintMd5());
        publicKey.setValue(f.publicKey());
        keyDates.setVisible(false);
        instruction.setText("Add this public key in Azure DevOps under User settings → SSH public keys → New Key,"
                + " then compare the MD5 fingerprint with the one Azure DevOps lists.");
    }

    /** The key stored for the integration. */
    void showStored(SshKeyFacts stored) {
        factsHeadline.setText("Configured on " + IntegrationTimes.format(stored.setAt()) + ": "
                + stored.keyDescription() + (stored.generated() ? " · generated here" : "")
                + (stored.passphraseSet() ? " · with passphrase" : ""));
        sha256.setText(stored.fingerprintSha256());
        md5.setText(stored.fingerprintMd5());
        publicKey.setValue(stored.publicKey());
        keyDates.setVisible(true);
        keyDates.setText(stored.keyAddedOn() == null
                ? "Key added on: not entered, so its expiry (a year after it was added) is unknown"
                : "Key added on " + stored.keyAddedOn() + " · Key expires on " + stored.expiresOn());
        instruction.setText("This public key must be listed in Azure DevOps under User settings → SSH public"
                + " keys. Keys there expire after a year.");
    }

    /** A key was loaded that its passphrase must open first. */
    void showEncrypted() {
        factsHeadline.setText("Key loaded; it is encrypted");
    }
}
