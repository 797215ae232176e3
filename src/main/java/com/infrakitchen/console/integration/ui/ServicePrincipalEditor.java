package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.ClientCertificateService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.EntraIds;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalFacts;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Entra service principal (docs/product.md 4.1): {@code Tenant ID}, {@code Client ID}, how it signs in,
 * and that proof's write-only fields: {@code Client Secret} with {@code Secret Expires On}, or the certificate
 * ({@link CertificateEntry}); workload identity (where the administrator set it up) needs none. A saved proof shows
 * as "configured" with Replace; choosing another way to sign in asks for the new proof. The rules are
 * {@link EntraIds}', the ones the service applies again.
 */
final class ServicePrincipalEditor implements CredentialEditor {

    final TextField tenantId = new TextField("Tenant ID");
    final TextField clientId = new TextField("Client ID");
    final RadioButtonGroup<PrincipalProof> proof = new RadioButtonGroup<>("Sign in with");
    final PasswordField clientSecret = new PasswordField("Client Secret");
    final DatePicker secretExpiresOn = new DatePicker("Secret Expires On");
    final CertificateEntry certificate;
    final Paragraph federatedNote = new Paragraph("The console signs in with the workload identity of the pod it"
            + " runs in (app.entra.federated-token-file): nothing secret is stored. Add a federated credential for"
            + " it to the app registration.");
    final StoredProof storedBox = new StoredProof();
    // the box's parts tests reach
    final Span storedText = storedBox.text;
    final Button replace = storedBox.replace;
    final Button keep = storedBox.keep;
    private final Div proofBox = new Div();
    private @Nullable ServicePrincipalFacts stored;
    private boolean replacing;
    private boolean editable = true;

    ServicePrincipalEditor(IntegrationProvider provider, ClientCertificateService certificates) {
        this.certificate = new CertificateEntry(certificates);
        idField(tenantId, "sp-tenant-id", "The Directory (tenant) ID from the app registration's Overview, or a"
                + " verified domain such as contoso.onmicrosoft.com.", EntraIds::tenantFrom);
        idField(clientId, "sp-client-id", "The Application (client) ID from the app registration's Overview.",
                EntraIds::clientIdFrom);
        proof.setId("sp-proof");
        proof.setItems(provider.principalProofs());
        proof.setItemLabelGenerator(PrincipalProof::label);
        proof.setValue(PrincipalProof.CLIENT_SECRET);
        proof.addValueChangeListener(e -> {
            if (e.isFromClient() && stored != null && e.getValue() != stored.proof()) {
                replacing = true;
            }
            render();
        });
        clientSecret.setId("sp-client-secret");
        clientSecret.setWidthFull();
        clientSecret.setMaxLength(TextLimits.FIELD_HARD_MAX);
        clientSecret.setValueChangeMode(ValueChangeMode.LAZY);
        clientSecret.setHelperText("The secret's Value (not its Secret ID) from Certificates & secrets. Stored"
                + " encrypted; it is never shown again.");
        clientSecret.addValueChangeListener(e -> checkSecret());
        secretExpiresOn.setId("sp-secret-expires-on");
        secretExpiresOn.setHelperText("The expiry you chose for the secret (the portal shows it beside the secret),"
                + " to be warned before it ends.");
        replace.addClickListener(e -> {
            replacing = true;
            render();
        });
        keep.addClickListener(e -> {
            replacing = false;
            if (stored != null) {
                proof.setValue(stored.proof());
            }
            render();
        });
        federatedNote.addClassName("how-to-hint");
        proofBox.add(storedBox, clientSecret, certificate, federatedNote);
        proofBox.setWidthFull();
        render();
    }

    /** An id field: required, the paste normalised as the service will take it (spaces, braces, case). */
    private static void idField(TextField field, String id, String helper,
            java.util.function.UnaryOperator<String> normalise) {
        field.setId(id);
        field.setRequiredIndicatorVisible(true);
        field.setMaxLength(TextLimits.FIELD_HARD_MAX);
        field.setHelperText(helper);
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(e -> {
            String normalised = normalise.apply(e.getValue());
            if (!normalised.equals(e.getValue())) {
                field.setValue(normalised);
            }
        });
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SERVICE_PRINCIPAL;
    }

    @Override
    public String title() {
        return "Service principal";
    }

    @Override
    public String phrase() {
        return "a service principal";
    }

    @Override
    public List<Component> fields() {
        return List.of(tenantId, clientId, proof, proofBox, secretExpiresOn);
    }

    @Override
    public boolean fullWidth(Component field) {
        // a GUID is cut in half a form's width: the ids take a row each
        return field == proofBox || field == proof || field == tenantId || field == clientId;
    }

    @Override
    public void setVisible(boolean visible) {
        fields().forEach(f -> f.setVisible(visible));
        if (visible) {
            render();
        }
    }

    @Override
    public void setEditable(boolean canEdit) {
        editable = canEdit;
        tenantId.setReadOnly(!canEdit);
        clientId.setReadOnly(!canEdit);
        proof.setReadOnly(!canEdit);
        clientSecret.setReadOnly(!canEdit);
        secretExpiresOn.setReadOnly(!canEdit);
        certificate.setEditable(canEdit);
        render();
    }

    @Override
    public void show(CredentialFacts facts) {
        ServicePrincipalFacts f = (ServicePrincipalFacts) facts;
        stored = f.configured() ? f : null;
        replacing = false;
        tenantId.setValue(f.tenantId());
        clientId.setValue(f.clientId());
        proof.setValue(f.proof());
        secretExpiresOn.setValue(f.secretExpiresOn());
        clientSecret.clear();
        certificate.drop();
        render();
    }

    /** Whether a new proof is being entered (always on the setup form). */
    private boolean entering() {
        return stored == null || replacing;
    }

    private void render() {
        PrincipalProof p = proof.getValue() == null ? PrincipalProof.CLIENT_SECRET : proof.getValue();
        boolean shown = tenantId.isVisible();
        storedBox.show(stored, replacing, editable, shown);
        clientSecret.setVisible(shown && entering() && p == PrincipalProof.CLIENT_SECRET);
        clientSecret.setRequiredIndicatorVisible(true);
        secretExpiresOn.setVisible(shown && p == PrincipalProof.CLIENT_SECRET);
        certificate.setVisible(shown && entering() && p == PrincipalProof.CERTIFICATE);
        federatedNote.setVisible(shown && p == PrincipalProof.FEDERATED);
    }

    private boolean checkSecret() {
        if (!clientSecret.isVisible()) {
            return true;
        }
        Optional<String> problem = EntraIds.clientSecretProblem(typedSecret());
        clientSecret.setInvalid(problem.isPresent());
        clientSecret.setErrorMessage(problem.orElse(null));
        return problem.isEmpty();
    }

    private String typedSecret() {
        return clientSecret.getValue() == null ? "" : clientSecret.getValue().strip();
    }

    @Override
    public boolean check() {
        boolean ok = rule(tenantId, EntraIds.tenantProblem(EntraIds.tenantFrom(tenantId.getValue())));
        ok &= rule(clientId, EntraIds.clientIdProblem(EntraIds.clientIdFrom(clientId.getValue())));
        ok &= checkSecret() && !secretExpiresOn.isInvalid();
        if (certificate.isVisible() && !certificate.isUsable()) {
            if (!certificate.isHeld()) {
                certificate.showError("Certificate is required: upload or paste the certificate with its private"
                        + " key");
            }
            ok = false;
        }
        return ok;
    }

    private static boolean rule(TextField field, Optional<String> problem) {
        field.setInvalid(problem.isPresent());
        field.setErrorMessage(problem.orElse(null));
        return problem.isEmpty();
    }

    private CredentialSettings.ServicePrincipalSettings settings() {
        return new CredentialSettings.ServicePrincipalSettings(tenantId.getValue(), clientId.getValue(),
                proof.getValue(), proof.getValue() == PrincipalProof.CLIENT_SECRET ? secretExpiresOn.getValue()
                        : null);
    }

    /** The new proof as entered; empty when none is (a secret not typed, no certificate held). */
    private Optional<ServicePrincipalInput> entered() {
        String tenant = tenantId.getValue();
        String client = clientId.getValue();
        return switch (proof.getValue()) {
            case CLIENT_SECRET -> typedSecret().isEmpty() ? Optional.empty()
                    : Optional.of(ServicePrincipalInput.withSecret(tenant, client, Secret.of(typedSecret()),
                            secretExpiresOn.getValue()));
            case CERTIFICATE -> certificate.isHeld() ? Optional.of(ServicePrincipalInput.withCertificate(tenant,
                    client, certificate.copy(), certificate.secretPassword())) : Optional.empty();
            case FEDERATED -> Optional.of(ServicePrincipalInput.federated(tenant, client));
        };
    }

    @Override
    public Optional<CredentialChange> forSave() {
        if (!entering()) {
            return Optional.of(CredentialChange.keep(settings()));
        }
        Optional<ServicePrincipalInput> input = entered();
        if (input.isEmpty()) {
            showRequired();
        }
        return input.map(CredentialChange::replace);
    }

    @Override
    public Optional<CredentialChange> forTest(boolean explain) {
        Optional<ServicePrincipalInput> input = entering() ? entered() : Optional.empty();
        if (input.isPresent()) {
            return input.map(CredentialChange::replace);
        }
        if (stored != null && proof.getValue() == stored.proof()) {
            return Optional.of(CredentialChange.keep(settings()));
        }
        if (explain) {
            showRequired();
        }
        return Optional.empty();
    }

    private void showRequired() {
        if (proof.getValue() == PrincipalProof.CERTIFICATE) {
            certificate.showError("Certificate is required: upload or paste the certificate with its private key");
        } else {
            clientSecret.setErrorMessage("Client Secret is required: the secret's Value from Certificates & secrets");
            clientSecret.setInvalid(true);
        }
    }

    @Override
    public boolean showViolation(String field, String message) {
        if ("certificate".equals(field)) {
            certificate.showError(message);
            return true;
        }
        HasValidation target = switch (field) {
            case "tenantId" -> tenantId;
            case "clientId" -> clientId;
            case "clientSecret" -> clientSecret;
            case "secretExpiresOn" -> secretExpiresOn;
            case "certificatePassword" -> certificate.password;
            case "proof" -> proof;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }

    @Override
    public void addChangeListener(Runnable listener) {
        tenantId.addValueChangeListener(e -> listener.run());
        clientId.addValueChangeListener(e -> listener.run());
        proof.addValueChangeListener(e -> listener.run());
        clientSecret.addValueChangeListener(e -> listener.run());
        replace.addClickListener(e -> listener.run());
        keep.addClickListener(e -> listener.run());
        certificate.onChange(listener);
    }
}
