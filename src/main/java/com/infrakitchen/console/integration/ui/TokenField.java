package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.IntegrationTimes;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.shared.TextLimits;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code Azure Access Token}, write-only (house style idiom 3): the stored token is never read, never
 * put into a component, never sent to the browser. When one is stored the field says "Configured on
 * {date}" and offers Replace and Clear; leaving it alone means "unchanged". The Binder never sees it.
 */
class TokenField extends VerticalLayout {

    static final String LABEL = "Azure Access Token";
    static final String HELP = "The personal access token, with the scope Code (Read, write and manage). Stored"
            + " encrypted; it is never shown again.";

    private enum Mode { VIEW, REPLACING, CLEARING }

    final PasswordField input = new PasswordField(LABEL);
    final Span configured = new Span();
    final Button replace = new Button("Replace");
    final Button clear = new Button("Clear");
    final Button keep = new Button("Keep the stored token");
    private final Div storedBox;
    private boolean stored;
    private @Nullable Instant setAt;
    private boolean editable = true;
    private Mode mode = Mode.VIEW;
    private final IntegrationProvider provider;

    /** The provider's token rules give the messages, the same rules the service applies again. */
    TokenField(IntegrationProvider provider) {
        this.provider = provider;
        setPadding(false);
        setSpacing(false);
        input.setWidthFull();
        input.setMaxLength(TextLimits.FIELD_HARD_MAX); // not TOKEN_MAX: a longer paste is reported, never cut
        input.setManualValidation(true);
        input.setValueChangeMode(ValueChangeMode.LAZY);
        input.setHelperText(HELP);
        input.setId("token");
        input.addValueChangeListener(e -> check());

        configured.addClassName("secret-configured");
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.setId("token-replace");
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        clear.setId("token-clear");
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        replace.addClickListener(e -> setMode(Mode.REPLACING));
        clear.addClickListener(e -> setMode(Mode.CLEARING));
        keep.addClickListener(e -> setMode(Mode.VIEW));

        Span label = new Span(LABEL);
        label.addClassName("secret-label");
        Div actions = new Div(replace, clear, keep);
        actions.addClassName("secret-actions");
        storedBox = new Div(label, configured, actions);
        storedBox.addClassName("secret-box");
        add(storedBox, input);
        render();
    }

    /** Whether a token is stored, and since when (never the token itself). */
    void setStored(boolean isStored, @Nullable Instant since) {
        stored = isStored;
        setAt = since;
        setMode(Mode.VIEW);
    }

    void setEditable(boolean canEdit) {
        editable = canEdit;
        render();
    }

    private void setMode(Mode newMode) {
        mode = newMode;
        input.clear();
        input.setInvalid(false);
        input.setHelperText(HELP);
        render();
        if (mode == Mode.REPLACING) {
            input.focus();
        }
    }

    private void render() {
        storedBox.setVisible(stored);
        input.setVisible(!stored || mode == Mode.REPLACING);
        input.setRequiredIndicatorVisible(true);
        input.setReadOnly(!editable);
        String since = "Configured on " + IntegrationTimes.format(setAt);
        configured.setText(switch (mode) {
            case VIEW -> since;
            case REPLACING -> since + ". Type the new token below; the stored one is kept until you save.";
            case CLEARING -> since + ". It will be cleared when you save: the integration cannot connect without"
                    + " a token.";
        });
        replace.setVisible(editable && mode != Mode.REPLACING);
        clear.setVisible(editable && mode == Mode.VIEW);
        keep.setVisible(editable && mode != Mode.VIEW);
    }

    /** Validates what was typed; shows the error, or the unusual-length warning. True when acceptable. */
    boolean check() {
        if (!input.isVisible()) {
            return true;
        }
        String token = typedToken();
        var problem = provider.tokenProblem(token);
        input.setInvalid(problem.isPresent());
        input.setErrorMessage(problem.orElse(null));
        input.setHelperText(provider.tokenWarning(token).orElse(HELP));
        return problem.isEmpty();
    }

    /**
     * What saving the form does to the stored token, with the expiry entered: clear it, replace it with what was
     * typed (on the setup form: always), or keep it.
     */
    CredentialChange change(@Nullable LocalDate expiresOn) {
        if (isReplacing()) {
            return CredentialChange.replace(new AccessTokenInput(Secret.of(typedToken()), expiresOn));
        }
        return mode == Mode.CLEARING ? CredentialChange.clear(new CredentialSettings.TokenSettings(expiresOn))
                : CredentialChange.keep(new CredentialSettings.TokenSettings(expiresOn));
    }

    /**
     * What a test uses: the typed token when one is typed, else the stored one; empty while the token is set to be
     * cleared (there is nothing to test).
     */
    Optional<CredentialChange> forTest(@Nullable LocalDate expiresOn) {
        if (mode == Mode.CLEARING) {
            return Optional.empty();
        }
        if (isReplacing() && (!stored || !typedToken().isEmpty())) {
            return Optional.of(CredentialChange.replace(new AccessTokenInput(Secret.of(typedToken()),
                    expiresOn)));
        }
        return Optional.of(CredentialChange.keep(new CredentialSettings.TokenSettings(expiresOn)));
    }

    /** What was typed, without the whitespace a paste brings along. */
    private String typedToken() {
        return input.getValue() == null ? "" : input.getValue().strip();
    }

    /** Whether a new token is being typed (detail page) or typed at all (setup form). */
    boolean isReplacing() {
        return mode == Mode.REPLACING || (!stored && mode == Mode.VIEW);
    }

    boolean isClearing() {
        return mode == Mode.CLEARING;
    }

    /** Runs {@code listener} whenever the typed token or the mode changes. */
    void addChangeListener(Runnable listener) {
        input.addValueChangeListener(e -> listener.run());
        replace.addClickListener(e -> listener.run());
        clear.addClickListener(e -> listener.run());
        keep.addClickListener(e -> listener.run());
    }

    void showError(String message) {
        input.setInvalid(true);
        input.setErrorMessage(message);
    }
}
