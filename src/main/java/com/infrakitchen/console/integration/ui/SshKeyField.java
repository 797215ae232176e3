package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.SshKeyService.KeyFacts;
import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.secret.Secret;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code SSH Private Key} (paste, upload or generate) and {@code Key Passphrase}, write-only like the token:
 * once a key is read it lives only on the server, the text box is emptied, and the page shows what may be
 * shown: key type and size, SHA256 and MD5 fingerprints and the public key line with a copy button. A
 * generated private key is never shown at all. A stored key is shown as "configured on {date}" with Replace.
 *
 * <p>This class decides what is shown; {@link HeldKey} holds the new key, {@link SshKeyEntry} takes a key in
 * (paste, upload, generate) and {@link SshKeyFactsPanel} shows its facts.
 */
class SshKeyField extends VerticalLayout {

    static final String KEY_LABEL = "SSH Private Key";
    static final String PASSPHRASE_LABEL = "Key Passphrase";

    private final transient SshKeyService keys;
    private final Supplier<String> commentSupplier;
    private final SshKeyEntry entry = new SshKeyEntry(text -> load(Secret.of(text), false, text),
            secret -> load(secret, false, null), this::generateKey);
    final SshKeyFactsPanel facts = new SshKeyFactsPanel(this::clear, this::startReplacing, this::keepStored);
    final PasswordField passphrase = new PasswordField(PASSPHRASE_LABEL);
    // the parts views and tests reach directly
    final TextArea keyText = entry.keyText;
    final Button generate = entry.generate;
    final Span factsHeadline = facts.factsHeadline;
    final Span sha256 = facts.sha256;
    final Span md5 = facts.md5;
    final TextField publicKey = facts.publicKey;
    final Button replace = facts.replace;
    private final HeldKey held = new HeldKey();
    private @Nullable SshKeyFacts stored;
    private boolean replacing;
    private boolean passphraseProblem;
    private Runnable onChange = () -> { };
    private Runnable onGenerated = () -> { };

    SshKeyField(SshKeyService keys, Supplier<String> commentSupplier) {
        this.keys = keys;
        this.commentSupplier = commentSupplier;
        setPadding(false);
        setSpacing(false);
        addClassName("ssh-key-field");

        passphrase.setId("ssh-passphrase");
        passphrase.setWidthFull();
        passphrase.setHelperText("Only if the key is encrypted. Stored encrypted, never shown again.");
        passphrase.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        passphrase.addValueChangeListener(e -> {
            if (held.isHeld()) {
                inspect();
            }
            onChange.run();
        });

        add(entry, facts, passphrase);
        render();
    }

    private void startReplacing() {
        replacing = true;
        render();
        onChange.run();
    }

    private void keepStored() {
        clear();
        replacing = false;
        render();
        onChange.run();
    }

    /** Runs {@code listener} when a key pair has been generated here. */
    void addGeneratedListener(Runnable listener) {
        Runnable previous = onGenerated;
        onGenerated = () -> {
            previous.run();
            listener.run();
        };
    }

    void addChangeListener(Runnable listener) {
        Runnable previous = onChange;
        onChange = () -> {
            previous.run();
            listener.run();
        };
    }

    /** The detail page: what is stored (facts only). */
    void setStored(@Nullable SshKeyFacts storedFacts) {
        clear();
        stored = storedFacts;
        replacing = false;
        render();
    }

    void setEditable(boolean editable) {
        entry.setEditable(editable);
        passphrase.setReadOnly(!editable);
        facts.another.setVisible(editable);
        facts.replace.setVisible(editable && stored != null && !replacing);
        facts.keep.setVisible(editable && stored != null && replacing);
    }

    private void generateKey() {
        clear();
        String comment = commentSupplier.get();
        var pair = keys.generate(comment == null || comment.isBlank() ? "infrakitchen" : "infrakitchen-" + comment);
        held.hold(pair.privateKey(), true);
        showFacts(pair.facts());
        onGenerated.run();
        onChange.run();
    }

    /**
     * Reads a pasted, uploaded key. When it cannot be read at all, {@code typedText} is put back so the user can
     * fix it (a public key pasted by mistake, a truncated paste), unless it holds private key material: that is
     * never sent back to the browser, and the message asks for it again.
     */
    private void load(Secret key, boolean isGenerated, @Nullable String typedText) {
        held.hold(key, isGenerated);
        if (!inspect() && !passphraseProblem && typedText != null) {
            String error = entry.error();
            if (holdsPrivateKeyMaterial(typedText)) {
                entry.showError(error + ". The key was not kept; paste or upload it again once fixed.");
            } else {
                entry.giveBack(typedText); // nothing is lost: the user can fix what they pasted
                entry.showError(error);
            }
        }
        onChange.run();
    }

    /** A private key block (any PEM or OpenSSH label with PRIVATE KEY) or a PuTTY file's private lines. */
    static boolean holdsPrivateKeyMaterial(String text) {
        return text.contains("PRIVATE KEY") || text.contains("Private-Lines:");
    }

    /** Parses the loaded key with the current passphrase; shows the facts or the problem. True when readable. */
    private boolean inspect() {
        passphraseProblem = false;
        entry.clearError();
        passphrase.setInvalid(false);
        try {
            showFacts(keys.inspect(held.secret(), passphraseSecret()));
            return true;
        } catch (IntegrationRuleViolation e) {
            if ("passphrase".equals(e.field())) {
                passphraseProblem = true;
                passphrase.setErrorMessage(e.getMessage());
                passphrase.setInvalid(true);
                facts.showEncrypted();
                facts.setVisible(false);
                entry.setVisible(false);
                return false;
            }
            held.drop();
            render();
            entry.showError(e.getMessage());
            return false;
        }
    }

    private void showFacts(KeyFacts f) {
        facts.showNew(f, held.generated());
        entry.setVisible(false);
        facts.setVisible(true);
        facts.another.setVisible(true);
        facts.replace.setVisible(false);
        facts.keep.setVisible(stored != null);
    }

    private void clear() {
        held.drop();
        passphrase.clear();
        passphrase.setInvalid(false);
        entry.clear();
        render();
        onChange.run();
    }

    private void render() {
        boolean showStored = stored != null && !replacing && !held.isHeld();
        if (showStored) {
            facts.showStored(stored);
        }
        facts.setVisible(showStored || held.isHeld());
        entry.setVisible(!showStored && !held.isHeld());
        passphrase.setVisible(!showStored);
        facts.replace.setVisible(showStored);
        facts.keep.setVisible(stored != null && replacing);
        facts.another.setVisible(held.isHeld());
    }

    private @Nullable Secret passphraseSecret() {
        String value = passphrase.getValue();
        return value == null || value.isEmpty() ? null : Secret.of(value);
    }

    /** Whether a new key is held (pasted, uploaded or generated) and readable with the passphrase given. */
    boolean hasNewKey() {
        return held.isHeld() && !passphraseProblem;
    }

    boolean isReplacing() {
        return replacing || stored == null;
    }

    /**
     * A copy of the new key for the service (which wipes it), with this test repository and Key added on date;
     * empty when none is held.
     */
    Optional<SshKeyInput> input(String testRepository, @Nullable LocalDate keyAddedOn) {
        return held.isHeld() ? held.copy(passphraseSecret(), testRepository, keyAddedOn) : Optional.empty();
    }

    /** Leaving the page drops the key held for it (the service has its own copy once saved). */
    @Override
    protected void onDetach(DetachEvent detachEvent) {
        held.drop();
        super.onDetach(detachEvent);
    }

    /** For a required-key error from the service. */
    void showRequired(String message) {
        render();
        entry.showError(message);
    }
}
