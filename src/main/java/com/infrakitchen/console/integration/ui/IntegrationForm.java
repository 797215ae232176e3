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
import com.infrakitchen.console.integration.AuthMethod;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.shared.TextLimits;
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
    final SshKeyField sshKey;
    final TextField testRepository = new TextField("Test Repository");
    private AuthMethod method = AuthMethod.PAT;
    private final Binder<IntegrationData> binder = new Binder<>(IntegrationData.class);

    /** {@code nameTaken} answers the live "already in use" check. */
    IntegrationForm(Collection<String> labelsInUse, Predicate<String> nameTaken, SshKeyService keys) {
        labels = new LabelField("Labels", labelsInUse);
        sshKey = new SshKeyField(keys, () -> name.getValue());
        testRepository.setId("ssh-test-repository");
        testRepository.setRequiredIndicatorVisible(true);
        // No maxlength at the limit (the browser would cut what was typed without a word): the rule says how long
        // it is; FIELD_HARD_MAX only bounds abuse. The same on every field of the form.
        testRepository.setMaxLength(TextLimits.FIELD_HARD_MAX);
        testRepository.setManualValidation(true);
        testRepository.setPlaceholder("project/repository");
        testRepository.setHelperText("The repository the check asks for with the key, as project/repository (pasting"
                + " git@ssh.dev.azure.com:v3/organization/project/repository works).");
        testRepository.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        testRepository.addValueChangeListener(e -> {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            int v3 = value.indexOf("v3/");
            if (v3 >= 0) {
                String[] parts = value.substring(v3 + 3).split("/");
                if (parts.length >= 3) {
                    if (organization.getValue() == null || organization.getValue().isBlank()) {
                        organization.setValue(parts[0]);
                    }
                    testRepository.setValue(java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8)
                            + "/" + java.net.URLDecoder.decode(parts[2], java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        });
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
            String extracted = IntegrationRules.organizationFrom(e.getValue());
            if (!extracted.equals(e.getValue())) {
                organization.setValue(extracted);
            }
        });
        tokenExpiresOn.setHelperText("Azure DevOps does not tell a token its own expiry: enter the date you"
                + " chose, to be warned before it runs out.");
        tokenExpiresOn.setId("token-expires-on");

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
        binder.forField(labels).withConverter(set -> labels.labels(), list -> new java.util.LinkedHashSet<>(list))
                .bind("labels");
        binder.forField(organization).withDefaultValidator(false)
                .withValidator((value, ctx) -> IntegrationRules.organizationProblem(value == null ? "" : value.strip())
                        .map(ValidationResult::error).orElse(ValidationResult.ok()))
                .bind("organization");
        binder.forField(tokenExpiresOn).bind("tokenExpiresOn");

        add(name, organization, description, labels, token, tokenExpiresOn, sshKey, testRepository);
        setColspan(description, 2);
        setColspan(labels, 2);
        setColspan(token, 2);
        setColspan(sshKey, 2);
        showMethod(AuthMethod.PAT);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        readData(IntegrationData.empty());
    }

    /** Shows the fields of one method: the token and its expiry, or the SSH key and test repository. */
    void showMethod(AuthMethod newMethod) {
        method = newMethod;
        boolean pat = newMethod == AuthMethod.PAT;
        token.setVisible(pat);
        tokenExpiresOn.setVisible(pat);
        sshKey.setVisible(!pat);
        testRepository.setVisible(!pat);
    }

    AuthMethod method() {
        return method;
    }

    /** The Test Repository as the service takes it. */
    String testRepositoryValue() {
        return testRepository.getValue() == null ? "" : testRepository.getValue().strip();
    }

    void readData(IntegrationData data) {
        binder.readRecord(data);
    }

    /** The form's values if every field is valid (errors are shown on the fields), else empty. */
    Optional<IntegrationData> writeData() {
        boolean tokenOk = method != AuthMethod.PAT || token.check();
        if (method == AuthMethod.SSH) {
            var problem = testRepositoryProblem();
            testRepository.setInvalid(problem.isPresent());
            testRepository.setErrorMessage(problem.orElse(null));
            tokenOk = problem.isEmpty();
        }
        IntegrationData data;
        try {
            data = binder.writeRecord();
        } catch (ValidationException e) {
            data = null;
        }
        // after the Binder, which clears the field's error when its chips are fine
        boolean labelsOk = labels.pendingProblem().isEmpty();
        return tokenOk && labelsOk && data != null ? Optional.of(data) : Optional.empty();
    }

    private Optional<String> testRepositoryProblem() {
        String value = testRepositoryValue();
        if (value.length() > IntegrationService.TEST_REPOSITORY_MAX) {
            return Optional.of(TextLimits.tooLong("Test Repository", TextLimits.length(value),
                    IntegrationService.TEST_REPOSITORY_MAX));
        }
        int slash = value.indexOf('/');
        return com.infrakitchen.console.integration.azuredevops.ssh.SshCheckInput.repositoryProblem(
                slash < 0 ? "" : value.substring(0, slash).strip(), slash < 0 ? value : value.substring(slash + 1).strip());
    }

    boolean hasChanges() {
        return binder.hasChanges();
    }

    void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        token.setEditable(editable);
        sshKey.setEditable(editable);
        testRepository.setReadOnly(!editable);
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
            case "sshKey" -> sshKey.keyText;
            case "passphrase" -> sshKey.passphrase;
            case "testRepository" -> testRepository;
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
