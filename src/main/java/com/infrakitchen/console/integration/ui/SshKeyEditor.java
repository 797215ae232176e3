package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.SshKeyService;
import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.SshKeyFacts;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An SSH private key (pasted, uploaded or generated, write-only: {@link SshKeyField}), the repository a test asks
 * for with it, and {@code Key added on}: the day the public key was added to the provider, which expires it a
 * year later (CredentialExpiry). Optional; a key generated here sets it to the clock's today, a pasted key leaves
 * it as it is (empty: unknown, nothing warns); never after today. Pasting an SSH clone URL into Test Repository
 * fills in the repository and, when empty, the organization.
 */
final class SshKeyEditor implements CredentialEditor {

    static final String KEY_ADDED_ON_LABEL = "Key added on";

    final SshKeyField sshKey;
    final TextField testRepository = new TextField("Test Repository");
    final DatePicker keyAddedOn = new DatePicker(KEY_ADDED_ON_LABEL);
    private final IntegrationProvider provider;
    private final boolean saved;
    private final Clock clock;

    /**
     * @param organizationIfEmpty sets the organization from a pasted clone URL when the field is empty
     * @param saved               whether the form shows a saved integration (a stored key is kept unless replaced)
     */
    SshKeyEditor(IntegrationProvider provider, SshKeyService keys, Supplier<String> name,
            Consumer<String> organizationIfEmpty, boolean saved, Clock clock) {
        this.provider = provider;
        this.saved = saved;
        this.clock = clock;
        sshKey = new SshKeyField(keys, name);
        keyAddedOn.setId("ssh-key-added-on");
        keyAddedOn.setHelperText("The day the public key was added in " + provider.displayName() + " (User settings"
                + " → SSH public keys), which expires it a year later: you are warned " + CredentialExpiry.WARNING_DAYS
                + " days ahead. Leave it empty if you do not know.");
        keyAddedOn.setMax(LocalDate.now(clock));
        keyAddedOn.setI18n(new DatePicker.DatePickerI18n().setMaxErrorMessage(CredentialExpiry.KEY_ADDED_IN_FUTURE));
        keyAddedOn.addValueChangeListener(e -> checkKeyAddedOn());
        // a key made here is added to the provider the same day, as the instruction beside it asks
        sshKey.addGeneratedListener(() -> keyAddedOn.setValue(LocalDate.now(clock)));
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
        return List.of(sshKey, testRepository, keyAddedOn);
    }

    @Override
    public boolean fullWidth(Component field) {
        return field == sshKey;
    }

    @Override
    public void setVisible(boolean visible) {
        sshKey.setVisible(visible);
        testRepository.setVisible(visible);
        keyAddedOn.setVisible(visible);
    }

    @Override
    public void setEditable(boolean editable) {
        sshKey.setEditable(editable);
        testRepository.setReadOnly(!editable);
        keyAddedOn.setReadOnly(!editable);
    }

    @Override
    public void show(CredentialFacts stored) {
        SshKeyFacts facts = (SshKeyFacts) stored;
        sshKey.setStored(facts.configured() ? facts : null);
        testRepository.setValue(facts.testRepository() == null ? "" : facts.testRepository());
        keyAddedOn.setValue(facts.keyAddedOn());
        keyAddedOn.setInvalid(false);
    }

    /** Key added on is not after the clock's today; shows why on the field. True when it may be saved. */
    private boolean checkKeyAddedOn() {
        LocalDate today = LocalDate.now(clock);
        LocalDate value = keyAddedOn.getValue();
        if (value != null && value.isAfter(today)) {
            keyAddedOn.setErrorMessage(CredentialExpiry.KEY_ADDED_IN_FUTURE);
            keyAddedOn.setInvalid(true);
            return false;
        }
        return !keyAddedOn.isInvalid();
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
        boolean dateOk = checkKeyAddedOn();
        return problem.isEmpty() && dateOk;
    }

    @Override
    public Optional<CredentialChange> forSave() {
        if (sshKey.hasNewKey() || !saved) {
            Optional<CredentialChange> replace = sshKey.input(testRepositoryValue(), keyAddedOn.getValue())
                    .map(CredentialChange::replace);
            if (replace.isEmpty()) {
                sshKey.showRequired("SSH Private Key is required: paste, upload or generate one");
            }
            return replace;
        }
        return Optional.of(CredentialChange.keep(settings()));
    }

    /** The settings as the form holds them: the test repository and the Key added on date. */
    private CredentialSettings.SshKeySettings settings() {
        return new CredentialSettings.SshKeySettings(testRepositoryValue(), keyAddedOn.getValue());
    }

    @Override
    public Optional<CredentialChange> forTest(boolean explain) {
        if (sshKey.hasNewKey()) {
            return sshKey.input(testRepositoryValue(), keyAddedOn.getValue()).map(CredentialChange::replace);
        }
        if (saved) {
            return Optional.of(CredentialChange.keep(settings()));
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
            case "sshKeyAddedOn" -> keyAddedOn;
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
