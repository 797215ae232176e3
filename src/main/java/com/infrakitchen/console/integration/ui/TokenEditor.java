package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.infrakitchen.console.integration.credential.TokenFacts;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Optional;

/** A personal access token (write-only, {@link TokenField}) and the expiry date entered for it. */
final class TokenEditor implements CredentialEditor {

    final TokenField token;
    final DatePicker tokenExpiresOn = new DatePicker("Token Expires On");

    TokenEditor(IntegrationProvider provider) {
        token = new TokenField(provider);
        tokenExpiresOn.setHelperText(provider.displayName() + " does not tell a token its own expiry: enter the date"
                + " you chose, to be warned before it runs out.");
        tokenExpiresOn.setId("token-expires-on");
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.PAT;
    }

    @Override
    public String title() {
        return "Personal access token";
    }

    @Override
    public String phrase() {
        return "a personal access token";
    }

    @Override
    public List<Component> fields() {
        return List.of(token, tokenExpiresOn);
    }

    @Override
    public boolean fullWidth(Component field) {
        return field == token;
    }

    @Override
    public void setVisible(boolean visible) {
        token.setVisible(visible);
        tokenExpiresOn.setVisible(visible);
    }

    @Override
    public void setEditable(boolean editable) {
        token.setEditable(editable);
        tokenExpiresOn.setReadOnly(!editable);
    }

    @Override
    public void show(CredentialFacts stored) {
        TokenFacts facts = (TokenFacts) stored;
        token.setStored(facts.configured(), facts.setAt());
        tokenExpiresOn.setValue(facts.expiresOn());
    }

    @Override
    public boolean check() {
        return token.check() && !tokenExpiresOn.isInvalid();
    }

    @Override
    public Optional<CredentialChange> forSave() {
        return Optional.of(token.change(tokenExpiresOn.getValue()));
    }

    @Override
    public Optional<CredentialChange> forTest(boolean explain) {
        Optional<CredentialChange> change = token.forTest(tokenExpiresOn.getValue());
        if (change.isEmpty() && explain) {
            Notification.show("The token is set to be cleared: there is nothing to test. Keep the stored token or"
                    + " type a new one.", 5000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
        return change;
    }

    @Override
    public boolean showViolation(String field, String message) {
        switch (field) {
            case "token" -> token.showError(message);
            case "tokenExpiresOn" -> {
                tokenExpiresOn.setErrorMessage(message);
                tokenExpiresOn.setInvalid(true);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void addChangeListener(Runnable listener) {
        token.addChangeListener(listener);
    }
}
