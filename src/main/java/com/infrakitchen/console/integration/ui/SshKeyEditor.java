package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An SSH private key (pasted, uploaded or generated, write-only: {@link SshKeyField}) and the repository a test asks
 * for with it. Pasting an SSH clone URL into Test Repository fills in the repository and, when empty, the
 * organization.
 */
final class SshKeyEditor implements CredentialEditor {

    final SshKeyField sshKey;
    final TextField testRepository = new TextField("Test Repository");
    private final IntegrationProvider provider;
    private final boolean saved;

    /**
     * @param organizationIfEmpty sets the organization from a pasted clone URL when the field is empty
     * @param saved               whether the form shows a saved integration (a stored key is kept unless replaced)
     */
    SshKeyEditor(IntegrationProvider provider, SshKeyService keys, Supplier<String> name,
            Consumer<String> organizationIfEmpty, boolean saved) {
        this.provider = provider;
        this.saved = saved;
        sshKey = new SshKeyField(keys, name);
        testRepository.setId("ssh-test-repository");
        testRepository.setRequiredIndicatorVisible(true);
        // No maxlength at the limit (the browser would cut what was typed without a word): the rule says how long
        // it is; FIELD_HARD_MAX only bounds abuse.
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
                    organizationIfEmpty.accept(parts[0]);
                    testRepository.setValue(URLDecoder.decode(parts[1], StandardCharsets.UTF_8) + "/"
                            + URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
                }
            }
        });
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SSH;
    }

    @Override
    public String title() {
        return "SSH key";
    }

    @Override
    public String phrase() {
        return "an SSH key";
    }

    @Override
    public List<Component> fields() {
        return List.of(sshKey, testRepository);
    }

    @Override
    public boolean fullWidth(Component field) {
        return field == sshKey;
    }

    @Override
    public void setVisible(boolean visible) {
        sshKey.setVisible(visible);
        testRepository.setVisible(visible);
    }

    @Override
    public void setEditable(boolean editable) {
        sshKey.setEditable(editable);
        testRepository.setReadOnly(!editable);
    }

    @Override
    public void show(CredentialFacts stored) {
        SshKeyFacts facts = (SshKeyFacts) stored;
        sshKey.setStored(facts.configured() ? facts : null);
        testRepository.setValue(facts.testRepository() == null ? "" : facts.testRepository());
    }

    /** The Test Repository as the service takes it. */
    String testRepositoryValue() {
        return testRepository.getValue() == null ? "" : testRepository.getValue().strip();
    }

    @Override
    public boolean check() {
        Optional<String> problem = provider.testRepositoryProblem(testRepositoryValue());
        testRepository.setInvalid(problem.isPresent());
        testRepository.setErrorMessage(problem.orElse(null));
        return problem.isEmpty();
    }

    @Override
    public Optional<CredentialChange> forSave() {
        if (sshKey.hasNewKey() || !saved) {
            Optional<CredentialChange> replace = sshKey.input(testRepositoryValue()).map(CredentialChange::replace);
            if (replace.isEmpty()) {
                sshKey.showRequired("SSH Private Key is required: paste, upload or generate one");
            }
            return replace;
        }
        return Optional.of(CredentialChange.keep(new CredentialSettings.SshKeySettings(testRepositoryValue())));
    }

    @Override
    public Optional<CredentialChange> forTest(boolean explain) {
        if (sshKey.hasNewKey()) {
            return sshKey.input(testRepositoryValue()).map(CredentialChange::replace);
        }
        if (saved) {
            return Optional.of(CredentialChange.keep(new CredentialSettings.SshKeySettings(testRepositoryValue())));
        }
        if (explain) {
            sshKey.showRequired("Paste, upload or generate a key first (and its passphrase if it has one)");
        }
        return Optional.empty();
    }

    @Override
    public boolean showViolation(String field, String message) {
        var target = switch (field) {
            case "sshKey" -> sshKey.keyText;
            case "passphrase" -> sshKey.passphrase;
            case "testRepository" -> testRepository;
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
        sshKey.addChangeListener(listener);
        testRepository.addValueChangeListener(e -> listener.run());
    }
}
