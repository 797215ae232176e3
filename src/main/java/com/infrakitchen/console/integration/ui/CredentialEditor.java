package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.CredentialFacts;
import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;

/**
 * The form's fields for one kind of credential (decision 0013): the secret's write-only field and its settings.
 * The setup form and the Overview tab hold one per kind the provider accepts and show the one in use; everything
 * that differs between kinds on the screens is behind this interface.
 */
interface CredentialEditor {

    AuthMethod method();

    /** Its tab's label and the title's second half: "Personal access token", "SSH key". */
    String title();

    /** How a sentence names it: "a personal access token", "an SSH key". */
    String phrase();

    /** Its fields, in the order the form shows them, and whether each spans both columns. */
    List<Component> fields();

    default boolean fullWidth(Component field) {
        return false;
    }

    void setVisible(boolean visible);

    void setEditable(boolean editable);

    /** The detail page: what is stored (never the secret). */
    void show(CredentialFacts stored);

    /** Checks its fields before a save, showing each problem on its field; true when they may be saved. */
    boolean check();

    /**
     * What saving does to the credential; empty (with the reason shown on the field) when it cannot be saved, such as
     * an SSH setup form without a key.
     */
    Optional<CredentialChange> forSave();

    /**
     * What a test uses: a new secret when one is entered, else (saved integrations) the stored one with the form's
     * settings; empty when there is nothing to test, after saying why when {@code explain}.
     */
    Optional<CredentialChange> forTest(boolean explain);

    /** Shows a refusal of the service on the field it concerns; false when none of its fields does. */
    boolean showViolation(String field, String message);

    /** Runs {@code listener} whenever what a test would use changes. */
    void addChangeListener(Runnable listener);
}
