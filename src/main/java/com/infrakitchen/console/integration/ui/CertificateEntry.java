package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ClientCertificateService;
import com.infrakitchen.console.integration.ClientCertificateService.CertificateFacts;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificates;
import com.infrakitchen.console.secret.Secret;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * {@code Certificate} (paste a PEM, or upload a PEM, .pfx or .p12 file) and {@code Certificate Password}, write-only
 * like every secret: a pasted text is taken out of the box at once, an uploaded file's bytes are wiped once held, and
 * the certificate lives only on the server until it is saved. What is shown is public: its subject, SHA-1
 * thumbprint (the one the Azure portal lists) and end date, read by {@link ClientCertificateService}.
 */
class CertificateEntry extends Div {

    static final String LABEL = "Certificate";
    static final String PASSWORD_LABEL = "Certificate Password";

    final TextArea text = new TextArea(LABEL);
    final Upload upload;
    final PasswordField password = new PasswordField(PASSWORD_LABEL);
    final Span facts = new Span();
    private final transient ClientCertificateService certificates;
    private transient @Nullable Secret held;
    private @Nullable CertificateFacts read;
    private Runnable onChange = () -> { };

    CertificateEntry(ClientCertificateService certificates) {
        this.certificates = certificates;
        text.setId("sp-certificate");
        text.setWidthFull();
        text.setPlaceholder("Paste the certificate's PEM block and its private key's, from BEGIN to END");
        text.setHelperText("The certificate with its private key: PEM, or a .pfx/.p12 file with its password. RSA,"
                + " 2048 bits or more. Stored encrypted; only its subject, thumbprint and end date are shown again.");
        text.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        text.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().isBlank()) {
                String pasted = e.getValue();
                text.setValue("");
                hold(Secret.of(pasted));
            }
        });
        upload = new Upload(this::receive);
        upload.setId("sp-certificate-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ClientCertificates.MAX_BYTES);
        upload.setAcceptedFileTypes(".pem", ".pfx", ".p12", ".crt", ".key", "application/x-pkcs12");
        upload.setDropLabel(new Span("or drop the .pem, .pfx or .p12 file here"));
        upload.setUploadButton(new Button("Upload certificate file"));
        upload.addFileRejectedListener(e -> showError("The file was refused: " + e.getErrorMessage()));
        password.setId("sp-certificate-password");
        password.setWidthFull();
        password.setHelperText("Only for a .pfx/.p12 file or an encrypted private key. Never shown again.");
        password.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        password.addValueChangeListener(e -> {
            if (held != null) {
                inspect();
            }
            onChange.run();
        });
        facts.setId("sp-certificate-facts");
        facts.addClassName("certificate-facts");
        facts.setVisible(false);
        add(text, upload, facts, password);
        setWidthFull();
    }

    /** An uploaded file: PEM text as it is, anything else as a PKCS#12 file (Base64); the bytes are then wiped. */
    private void receive(UploadEvent event) throws IOException {
        byte[] data;
        try (var in = event.getInputStream()) {
            data = in.readNBytes(ClientCertificates.MAX_BYTES + 1);
        }
        UI ui = event.getUI();
        ui.access(() -> {
            String head = new String(data, 0, Math.min(data.length, 64), StandardCharsets.US_ASCII);
            hold(head.contains("-----BEGIN") ? Secret.ofBytes(data)
                    : Secret.of(ServicePrincipalInput.PKCS12_PREFIX + Base64.getEncoder().encodeToString(data)));
            Arrays.fill(data, (byte) 0);
        });
    }

    /** Holds {@code certificate} instead of the one held so far (wiped), and reads its facts. */
    void hold(Secret certificate) {
        drop();
        held = certificate;
        inspect();
        onChange.run();
    }

    private void inspect() {
        read = null;
        try {
            read = certificates.inspect(held, secretPassword());
            text.setInvalid(false);
            password.setInvalid(false);
            facts.setText("Certificate " + read.subject() + " · thumbprint " + read.sha1Thumbprint() + " · "
                    + read.keyBits() + "-bit RSA · ends on " + read.expiresOn());
            facts.setVisible(true);
        } catch (IntegrationRuleViolation v) {
            facts.setVisible(false);
            if ("certificatePassword".equals(v.field())) {
                password.setErrorMessage(v.getMessage());
                password.setInvalid(true);
            } else {
                showError(v.getMessage());
            }
        }
    }

    /** Wipes and forgets the certificate held. */
    void drop() {
        if (held != null) {
            held.wipe();
        }
        held = null;
        read = null;
        facts.setVisible(false);
    }

    boolean isHeld() {
        return held != null;
    }

    /** Whether a certificate is held and was read without a refusal. */
    boolean isUsable() {
        return held != null && read != null;
    }

    /** A copy of the certificate held (the caller wipes it); null when none. */
    @Nullable Secret copy() {
        return held == null ? null : Secret.ofBytes(held.bytes());
    }

    /** The password typed, as a secret (null when empty). */
    @Nullable Secret secretPassword() {
        String p = password.getValue();
        return p == null || p.isEmpty() ? null : Secret.of(p);
    }

    void showError(String message) {
        text.setErrorMessage(message);
        text.setInvalid(true);
    }

    void setEditable(boolean editable) {
        text.setReadOnly(!editable);
        upload.setVisible(editable);
        password.setReadOnly(!editable);
    }

    void onChange(Runnable listener) {
        Runnable before = onChange;
        onChange = () -> {
            before.run();
            listener.run();
        };
    }
}
