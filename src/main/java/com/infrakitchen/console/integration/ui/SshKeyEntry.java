package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.secret.Secret;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Where a new private key comes in: the {@code SSH Private Key} text box (paste), the file upload and Generate key
 * pair. Write-only: a pasted key is taken out of the text box at once and handed on; an uploaded file's bytes are
 * wiped once handed on. The text box also shows why a key was refused. What is done with a key is
 * {@link SshKeyField}'s.
 */
class SshKeyEntry extends Div {

    final TextArea keyText = new TextArea(SshKeyField.KEY_LABEL);
    final Upload upload;
    final Button generate = new Button("Generate key pair");
    private final Consumer<Secret> onUpload;

    /**
     * @param onPaste    gets the pasted text (the text box is already empty again)
     * @param onUpload   gets an uploaded file, on the UI thread
     * @param onGenerate runs on Generate key pair
     */
    SshKeyEntry(Consumer<String> onPaste, Consumer<Secret> onUpload, Runnable onGenerate) {
        this.onUpload = onUpload;
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
                onPaste.accept(text);
            }
        });
        upload = new Upload(this::receive);
        upload.setId("ssh-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(32 * 1024);
        upload.setDropLabel(new Span("or drop the private key file here"));
        upload.addFileRejectedListener(e -> showError("The file was refused: " + e.getErrorMessage()));
        upload.setUploadButton(new Button("Upload key file"));
        generate.setId("ssh-generate");
        generate.addClickListener(e -> onGenerate.run());
        HorizontalLayout sources = new HorizontalLayout(upload, generate);
        sources.setAlignItems(Alignment.CENTER);
        sources.addClassName("ssh-key-sources");

        add(keyText, sources);
        addClassName("ssh-key-entry");
        setWidthFull();
    }

    /**
     * An uploaded key file: read on the request thread (at most a little more than the size rule allows), then
     * handed to the UI under its lock. The bytes are wiped once read into a secret.
     */
    private void receive(UploadEvent event) throws IOException {
        byte[] data;
        try (var in = event.getInputStream()) {
            data = in.readNBytes(SshKeys.MAX_KEY_BYTES + 1);
        }
        UI ui = event.getUI();
        ui.access(() -> {
            onUpload.accept(Secret.ofBytes(data));
            Arrays.fill(data, (byte) 0);
        });
    }

    void setEditable(boolean editable) {
        keyText.setReadOnly(!editable);
        upload.setVisible(editable);
        generate.setVisible(editable);
    }

    /** Shows why the key was refused, under the text box. */
    void showError(String message) {
        keyText.setErrorMessage(message);
        keyText.setInvalid(true);
    }

    /** The message {@link #showError(String)} showed last. */
    String error() {
        return keyText.getErrorMessage();
    }

    void clearError() {
        keyText.setInvalid(false);
    }

    /** Puts text the user pasted back, so that they can fix it. */
    void giveBack(String text) {
        keyText.setValue(text);
    }

    void clear() {
        keyText.clear();
        keyText.setInvalid(false);
    }
}
