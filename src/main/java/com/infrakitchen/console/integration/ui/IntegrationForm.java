package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationRules;
import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The fields of an integration: those every integration has (a Binder over {@link IntegrationData}, validated with
 * {@link IntegrationRules} and the provider's organization rule, the rules the service applies again), and one
 * {@link CredentialEditor} per kind of credential the provider accepts, of which the one in use is shown.
 */
class IntegrationForm extends FormLayout {

    final TextField name = new TextField("Integration Name");
    final TextArea description = new TextArea("Description");
    final LabelField labels;
    final TextField organization;
    final TokenEditor tokenEditor;
    final SshKeyEditor sshKeyEditor;
    final ServicePrincipalEditor servicePrincipalEditor;
    // the editors' fields, for the tests that type into them
    final TokenField token;
    final DatePicker tokenExpiresOn;
    final SshKeyField sshKey;
    final TextField testRepository;
    final DatePicker keyAddedOn;
    private final Map<AuthMethod, CredentialEditor> editors = new EnumMap<>(AuthMethod.class);
    private CredentialEditor editor;
    private final Binder<IntegrationData> binder = new Binder<>(IntegrationData.class);

    /**
     * @param nameTaken answers the live "already in use" check
     * @param saved     whether it shows a saved integration (a stored secret is kept unless replaced)
     */
    IntegrationForm(IntegrationProvider provider, Collection<String> labelsInUse, Predicate<String> nameTaken,
            CredentialTools tools, boolean saved, Clock clock) {
        SshKeyService keys = tools.keys();
        labels = new LabelField("Labels", labelsInUse);
        organization = new TextField(provider.organizationLabel());
        tokenEditor = new TokenEditor(provider);
        sshKeyEditor = new SshKeyEditor(provider, keys, name::getValue, org -> {
            if (organization.getValue() == null || organization.getValue().isBlank()) {
                organization.setValue(org);
            }
        }, saved, clock);
        servicePrincipalEditor = new ServicePrincipalEditor(provider, tools.certificates());
        for (CredentialEditor e : List.of(tokenEditor, sshKeyEditor, servicePrincipalEditor)) {
            if (provider.methods().contains(e.method())) {
                editors.put(e.method(), e);
            }
        }
        token = tokenEditor.token;
        tokenExpiresOn = tokenEditor.tokenExpiresOn;
        sshKey = sshKeyEditor.sshKey;
        testRepository = sshKeyEditor.testRepository;
        keyAddedOn = sshKeyEditor.keyAddedOn;
        addClassName("integration-form");

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(TextLimits.FIELD_HARD_MAX);
        name.setManualValidation(true);
        name.setHelperText(capitalise(IntegrationRules.NAME_RULE) + "; unique.");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setId("integration-name");
        description.setMaxLength(TextLimits.FIELD_HARD_MAX);
        description.setManualValidation(true);
        description.setHelperText("Optional, up to " + IntegrationRules.DESCRIPTION_MAX + " characters.");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setId("integration-description");
        labels.setId("integration-labels");
        organization.setRequiredIndicatorVisible(true);
        organization.setMaxLength(TextLimits.FIELD_HARD_MAX); // room to paste a URL; the name taken from it is checked
        organization.setManualValidation(true);
        organization.setHelperText("As in https://dev.azure.com/<organization-name>/ (pasting the URL works).");
        organization.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        organization.setId("integration-organization");
        organization.addValueChangeListener(e -> {
            String extracted = provider.organizationFrom(e.getValue());
            if (!extracted.equals(e.getValue())) {
                organization.setValue(extracted);
            }
        });
        // Text fields: the rules give every message; the field's own constraint check (maxlength, beaten by a
        // tampered client) would only turn it red without one. The date picker keeps its own (unparseable input).
        binder.forField(name).withDefaultValidator(false)
                .withValidator((value, ctx) -> IntegrationRules.nameProblem(IntegrationRules.normaliseName(value))
                        .map(ValidationResult::error)
                        .orElseGet(() -> nameTaken.test(value)
                                ? ValidationResult.error("Integration Name \"" + IntegrationRules.normaliseName(value)
                                        + "\" is already in use")
                                : ValidationResult.ok()))
                .bind("name");
        binder.forField(description).withDefaultValidator(false)
                .withValidator((value, ctx) -> IntegrationRules.descriptionProblem(
                        IntegrationRules.normaliseDescription(value)).map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind("description");
        binder.forField(labels).withConverter(set -> labels.labels(), list -> new LinkedHashSet<>(list))
                .bind("labels");
        binder.forField(organization).withDefaultValidator(false)
                .withValidator((value, ctx) -> provider.organizationProblem(value == null ? "" : value.strip())
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind("organization");

        add(name, organization, description, labels);
        setColspan(description, 2);
        setColspan(labels, 2);
        for (CredentialEditor e : editors.values()) {
            for (Component field : e.fields()) {
                add(field);
                if (e.fullWidth(field)) {
                    setColspan(field, 2);
                }
            }
        }
        showMethod(provider.methods().getFirst());
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        readData(IntegrationData.empty());
    }

    /** Shows the fields of one kind of credential. */
    void showMethod(AuthMethod method) {
        editor = editors.get(method);
        editors.values().forEach(e -> e.setVisible(e == editor));
    }

    AuthMethod method() {
        return editor.method();
    }

    /** The fields of one kind of credential. */
    @Nullable CredentialEditor editor(AuthMethod method) {
        return editors.get(method);
    }

    /** Runs {@code listener} whenever what a test of any kind of credential would use changes. */
    void addCredentialChangeListener(Runnable listener) {
        editors.values().forEach(e -> e.addChangeListener(listener));
    }

    /** The fields of the kind of credential in use. */
    CredentialEditor editor() {
        return editor;
    }

    /** The organization as typed, trimmed. */
    String organizationValue() {
        return organization.getValue() == null ? "" : organization.getValue().strip();
    }

    void readData(IntegrationData data) {
        binder.readRecord(data);
    }

    /** The form's values if every field is valid (errors are shown on the fields), else empty. */
    Optional<IntegrationData> writeData() {
        boolean credentialOk = editor.check();
        IntegrationData data;
        try {
            data = binder.writeRecord();
        } catch (ValidationException e) {
            data = null;
        }
        // after the Binder, which clears the field's error when its chips are fine
        boolean labelsOk = labels.pendingProblem().isEmpty();
        return credentialOk && labelsOk && data != null ? Optional.of(data) : Optional.empty();
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        editors.values().forEach(e -> e.setEditable(editable));
    }

    /** Shows a rule the service refused on the field it concerns. Returns false if no field matched. */
    boolean showViolation(IntegrationRuleViolation violation) {
        HasValidation target = switch (violation.field()) {
            case "name" -> name;
            case "description" -> description;
            case "labels" -> labels;
            case "organization" -> organization;
            default -> null;
        };
        if (target == null) {
            return editor.showViolation(violation.field(), violation.getMessage());
        }
        target.setErrorMessage(violation.getMessage());
        target.setInvalid(true);
        return true;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
