package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.SshKeyFacts;
import com.infrakitchen.console.integration.SshKeyInput;
import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.SshKeyService.KeyFacts;
import com.infrakitchen.console.integration.check.CheckFingerprint;
import com.infrakitchen.console.secret.Secret;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code SSH Private Key} (paste, upload or generate) and {@code Key Passphrase}, write-only like the token:
 * once a key is read it lives only on the server, the text box is emptied, and the page shows what may be
 * shown: key type and size, SHA256 and MD5 fingerprints and the public key line with a copy button. A
 * generated private key is never shown at all. A stored key is shown as "configured on {date}" with Replace.
 */
class SshKeyField extends VerticalLayout {

    static final String KEY_LABEL = "SSH Private Key";
    static final String PASSPHRASE_LABEL = "Key Passphrase";

    private final transient SshKeyService keys;
    private final Supplier<String> commentSupplier;
    final TextArea keyText = new TextArea(KEY_LABEL);
    final Upload upload;
    final Button generate = new Button("Generate key pair");
    final PasswordField passphrase = new PasswordField(PASSPHRASE_LABEL);
    final Div facts = new Div();
    final Span factsHeadline = new Span();
    final Span sha256 = new Span();
    final Span md5 = new Span();
    final com.vaadin.flow.component.textfield.TextField publicKey =
            new com.vaadin.flow.component.textfield.TextField("Public key");
    final Button copy = new Button("Copy public key");
    final Button another = new Button("Use another key");
    final Button replace = new Button("Replace key");
    final Button keep = new Button("Keep the stored key");
    final Span instruction = new Span();
    private final Div entry;
    private transient Secret loaded;
    private boolean generated;
    private SshKeyFacts stored;
    private boolean replacing;
    private Runnable onChange = () -> { };

    SshKeyField(SshKeyService keys, Supplier<String> commentSupplier) {
        this.keys = keys;
        this.commentSupplier = commentSupplier;
        setPadding(false);
        setSpacing(false);
        addClassName("ssh-key-field");

        keyText.setId("ssh-private-key");
        keyText.setWidthFull();
        keyText.setPlaceholder("Paste the whole key file, from its BEGIN line to its END line");
        keyText.setHelperText("Paste the private key (OpenSSH, PEM or PKCS#8), upload its file, or generate a key"
                + " pair. RSA only, at least 2048 bits: Azure DevOps accepts no other type.");
        keyText.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        keyText.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().isBlank()) {
                String text = e.getValue();
                keyText.setValue("");
                load(Secret.of(text), false, text);
            }
        });
        upload = new Upload(this::receive);
        upload.setId("ssh-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(32 * 1024);
        upload.setDropLabel(new Span("or drop the private key file here"));
        upload.addFileRejectedListener(e -> showKeyError("The file was refused: " + e.getErrorMessage()));
        upload.setUploadButton(new Button("Upload key file"));
        generate.setId("ssh-generate");
        generate.addClickListener(e -> generateKey());
        HorizontalLayout sources = new HorizontalLayout(upload, generate);
        sources.setAlignItems(Alignment.CENTER);
        sources.addClassName("ssh-key-sources");

        passphrase.setId("ssh-passphrase");
        passphrase.setWidthFull();
        passphrase.setHelperText("Only if the key is encrypted. Stored encrypted, never shown again.");
        passphrase.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        passphrase.addValueChangeListener(e -> {
            if (loaded != null) {
                inspect();
            }
            onChange.run();
        });

        facts.setId("ssh-key-facts");
        facts.addClassName("ssh-key-facts");
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
        another.addClickListener(e -> clear());
        replace.setId("ssh-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.addClickListener(e -> {
            replacing = true;
            render();
            onChange.run();
        });
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        keep.addClickListener(e -> {
            clear();
            replacing = false;
            render();
            onChange.run();
        });
        instruction.addClassName("ssh-instruction");
        Div fingerprints = new Div(new Span("SHA256 "), sha256, new Span(" · MD5 "), md5);
        fingerprints.addClassName("ssh-fingerprints");
        Div factActions = new Div(copy, another, replace, keep);
        factActions.addClassName("secret-actions");
        facts.add(factsHeadline, fingerprints, publicKey, instruction, factActions);

        entry = new Div(keyText, sources);
        entry.addClassName("ssh-key-entry");
        entry.setWidthFull();
        add(entry, facts, passphrase);
        render();
    }

    /**
     * An uploaded key file: read on the request thread (at most a little more than the size rule allows), then
     * handed to the UI under its lock. The bytes are wiped once read into a secret.
     */
    private void receive(com.vaadin.flow.server.streams.UploadEvent event) throws java.io.IOException {
        byte[] data;
        try (var in = event.getInputStream()) {
            data = in.readNBytes(com.infrakitchen.console.integration.azuredevops.ssh.SshKeys.MAX_KEY_BYTES + 1);
        }
        UI ui = event.getUI();
        ui.access(() -> {
            load(Secret.ofBytes(data), false, null);
            Arrays.fill(data, (byte) 0);
        });
    }

    void addChangeListener(Runnable listener) {
        Runnable previous = onChange;
        onChange = () -> {
            previous.run();
            listener.run();
        };
    }

    /** The detail page: what is stored (facts only). */
    void setStored(SshKeyFacts facts) {
        clear();
        stored = facts;
        replacing = false;
        render();
    }

    void setEditable(boolean editable) {
        keyText.setReadOnly(!editable);
        upload.setVisible(editable);
        generate.setVisible(editable);
        passphrase.setReadOnly(!editable);
        another.setVisible(editable);
        replace.setVisible(editable && stored != null && !replacing);
        keep.setVisible(editable && stored != null && replacing);
    }

    private void generateKey() {
        clear();
        String comment = commentSupplier.get();
        var pair = keys.generate(comment == null || comment.isBlank() ? "infrakitchen" : "infrakitchen-" + comment);
        loaded = pair.privateKey();
        generated = true;
        showFacts(pair.facts());
        onChange.run();
    }

    /**
     * Reads a pasted, uploaded key. When it cannot be read at all, {@code typedText} is put back so the user can
     * fix it (a public key pasted by mistake, a truncated paste), unless it holds private key material: that is
     * never sent back to the browser, and the message asks for it again.
     */
    private void load(Secret key, boolean isGenerated, String typedText) {
        if (loaded != null) {
            loaded.wipe();
        }
        loaded = key;
        generated = isGenerated;
        if (!inspect() && !passphraseProblem && typedText != null) {
            String error = keyText.getErrorMessage();
            if (holdsPrivateKeyMaterial(typedText)) {
                showKeyError(error + ". The key was not kept; paste or upload it again once fixed.");
            } else {
                keyText.setValue(typedText); // nothing is lost: the user can fix what they pasted
                showKeyError(error);
            }
        }
        onChange.run();
    }

    private boolean passphraseProblem;

    /** A private key block (any PEM or OpenSSH label with PRIVATE KEY) or a PuTTY file's private lines. */
    static boolean holdsPrivateKeyMaterial(String text) {
        return text.contains("PRIVATE KEY") || text.contains("Private-Lines:");
    }

    /** Parses the loaded key with the current passphrase; shows the facts or the problem. True when readable. */
    private boolean inspect() {
        passphraseProblem = false;
        keyText.setInvalid(false);
        passphrase.setInvalid(false);
        try {
            showFacts(keys.inspect(loaded, passphraseSecret()));
            return true;
        } catch (IntegrationRuleViolation e) {
            if ("passphrase".equals(e.field())) {
                passphraseProblem = true;
                passphrase.setErrorMessage(e.getMessage());
                passphrase.setInvalid(true);
                factsHeadline.setText("Key loaded; it is encrypted");
                facts.setVisible(false);
                entry.setVisible(false);
                return false;
            }
            Secret bad = loaded;
            loaded = null;
            bad.wipe();
            render();
            showKeyError(e.getMessage());
            return false;
        }
    }

    private void showKeyError(String message) {
        keyText.setErrorMessage(message);
        keyText.setInvalid(true);
    }

    private void showFacts(KeyFacts f) {
        factsHeadline.setText(f.description() + (generated ? " · generated here, the private key never leaves the server"
                : f.encrypted() ? " · encrypted with its passphrase" : ""));
        sha256.setText(f.fingerprintSha256());
        md5.setText(f.fingerprintMd5());
        publicKey.setValue(f.publicKey());
        instruction.setText("Add this public key in Azure DevOps under User settings → SSH public keys → New Key,"
                + " then compare the MD5 fingerprint with the one Azure DevOps lists.");
        entry.setVisible(false);
        facts.setVisible(true);
        another.setVisible(true);
        replace.setVisible(false);
        keep.setVisible(stored != null);
    }

    private void clear() {
        if (loaded != null) {
            loaded.wipe();
        }
        loaded = null;
        generated = false;
        passphrase.clear();
        passphrase.setInvalid(false);
        keyText.clear();
        keyText.setInvalid(false);
        render();
        onChange.run();
    }

    private void render() {
        boolean showStored = stored != null && !replacing && loaded == null;
        if (showStored) {
            factsHeadline.setText("Configured on " + IntegrationTimes.format(stored.setAt()) + ": "
                    + stored.keyDescription() + (stored.generated() ? " · generated here" : "")
                    + (stored.passphraseSet() ? " · with passphrase" : ""));
            sha256.setText(stored.fingerprintSha256());
            md5.setText(stored.fingerprintMd5());
            publicKey.setValue(stored.publicKey());
            instruction.setText("This public key must be listed in Azure DevOps under User settings → SSH public"
                    + " keys. Keys there expire after a year.");
        }
        facts.setVisible(showStored || loaded != null);
        entry.setVisible(!showStored && loaded == null);
        passphrase.setVisible(!showStored);
        replace.setVisible(showStored);
        keep.setVisible(stored != null && replacing);
        another.setVisible(loaded != null);
    }

    private Secret passphraseSecret() {
        String value = passphrase.getValue();
        return value == null || value.isEmpty() ? null : Secret.of(value);
    }

    /** Whether a new key is held (pasted, uploaded or generated) and readable with the passphrase given. */
    boolean hasNewKey() {
        return loaded != null && !passphraseProblem;
    }

    boolean isReplacing() {
        return replacing || stored == null;
    }

    /** A copy of the new key for the service (which wipes it), or empty when none is held. */
    Optional<SshKeyInput> input() {
        if (loaded == null) {
            return Optional.empty();
        }
        byte[] copy = loaded.bytes();
        try {
            return Optional.of(new SshKeyInput(Secret.ofBytes(copy), passphraseSecret(), generated));
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /** Identifies the key and passphrase for "outdated" comparisons, never revealing them. */
    String valuesKey(String organization, String testRepository) {
        if (loaded == null) {
            return stored == null || replacing ? "no-key" : "stored@" + stored.setAt();
        }
        Secret pass = passphraseSecret();
        try {
            return CheckFingerprint.ofKey(organization, testRepository, loaded, pass);
        } finally {
            if (pass != null) {
                pass.wipe();
            }
        }
    }

    /** Leaving the page drops the key held for it (the service has its own copy once saved). */
    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (loaded != null) {
            loaded.wipe();
            loaded = null;
        }
        super.onDetach(detachEvent);
    }

    /** For a required-key error from the service. */
    void showRequired(String message) {
        render();
        showKeyError(message);
    }
}
