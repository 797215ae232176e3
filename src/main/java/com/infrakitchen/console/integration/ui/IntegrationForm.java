package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationRuleViolation;
import com.infrakitchen.console.integration.IntegrationRules;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The non-secret fields of an Azure DevOps integration, a Binder over {@link IntegrationData}. The
 * validators use {@link IntegrationRules}, the same rules the service applies again.
 */
class IntegrationForm extends FormLayout {

    final TextField name = new TextField("Integration Name");
    final TextArea description = new TextArea("Description");
    final LabelField labels;
    final TextField organization = new TextField("Azure Organization");
    final DatePicker tokenExpiresOn = new DatePicker("Token Expires On");
    final TokenField token = new TokenField();
    private final Binder<IntegrationData> binder = new Binder<>(IntegrationData.class);

    /** {@code nameTaken} answers the live "already in use" check. */
    IntegrationForm(Collection<String> labelsInUse, Predicate<String> nameTaken) {
        labels = new LabelField("Labels", labelsInUse);
        addClassName("integration-form");

        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(IntegrationRules.NAME_MAX);
        name.setHelperText(capitalise(IntegrationRules.NAME_RULE) + "; unique.");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setId("integration-name");
        description.setMaxLength(IntegrationRules.DESCRIPTION_MAX);
        description.setHelperText("Optional, up to " + IntegrationRules.DESCRIPTION_MAX + " characters.");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setId("integration-description");
        labels.setId("integration-labels");
        organization.setRequiredIndicatorVisible(true);
        organization.setMaxLength(200); // room to paste a URL; the name taken from it is checked
        organization.setHelperText("As in https://dev.azure.com/<organization-name>/ (pasting the URL works).");
        organization.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        organization.setId("integration-organization");
        organization.addValueChangeListener(e -> {
            String extracted = IntegrationRules.organizationFrom(e.getValue());
            if (!extracted.equals(e.getValue())) {
                organization.setValue(extracted);
            }
        });
        tokenExpiresOn.setHelperText("Azure DevOps does not tell a token its own expiry: enter the date you"
                + " chose, to be warned before it runs out.");
        tokenExpiresOn.setId("token-expires-on");

        binder.forField(name)
                .withValidator((value, ctx) -> IntegrationRules.nameProblem(IntegrationRules.normaliseName(value))
                        .map(ValidationResult::error)
                        .orElseGet(() -> nameTaken.test(value)
                                ? ValidationResult.error("Integration Name \"" + IntegrationRules.normaliseName(value)
                                        + "\" is already in use")
                                : ValidationResult.ok()))
                .bind("name");
        binder.forField(description)
                .withValidator((value, ctx) -> IntegrationRules.descriptionProblem(
                        IntegrationRules.normaliseDescription(value)).map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind("description");
        binder.forField(labels).withConverter(set -> labels.labels(), list -> new java.util.LinkedHashSet<>(list))
                .bind("labels");
        binder.forField(organization)
                .withValidator((value, ctx) -> IntegrationRules.organizationProblem(value == null ? "" : value.strip())
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind("organization");
        binder.forField(tokenExpiresOn).bind("tokenExpiresOn");

        add(name, organization, description, labels, token, tokenExpiresOn);
        setColspan(description, 2);
        setColspan(labels, 2);
        setColspan(token, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        readData(IntegrationData.empty());
    }

    void readData(IntegrationData data) {
        binder.readRecord(data);
    }

    /** The form's values if every field is valid (errors are shown on the fields), else empty. */
    Optional<IntegrationData> writeData() {
        boolean tokenOk = token.check();
        try {
            IntegrationData data = binder.writeRecord();
            return tokenOk ? Optional.of(data) : Optional.empty();
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        token.setEditable(editable);
    }

    /** Shows a rule the service refused on the field it concerns. Returns false if no field matched. */
    boolean showViolation(IntegrationRuleViolation violation) {
        HasValidation target = switch (violation.field()) {
            case "name" -> name;
            case "description" -> description;
            case "labels" -> labels;
            case "organization" -> organization;
            case "tokenExpiresOn" -> tokenExpiresOn;
            case "token" -> token.input;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.setErrorMessage(violation.getMessage());
        target.setInvalid(true);
        return true;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
