package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.CredentialInput;
import java.util.Objects;
import java.util.UUID;

/**
 * What pressing Test Connection asks for: the values a form holds now, as they are. The {@link CheckService}, not
 * the view, compares them with what is stored and decides whether the test is of the saved integration (its result
 * is then stored) or of an unsaved edit (shown and audited only).
 *
 * @param formKey        the form, for "one test at a time" (unsaved forms; null for saved integrations)
 * @param integrationId  the saved integration, or null for a form that has not been saved
 * @param typedName      the name typed (for the audit record of an unsaved form)
 * @param organization   the organization in the form; null only for {@link #ofStored}
 * @param testRepository the test repository in the form (SSH), or null
 * @param credential     a credential typed, pasted or generated in the form; null to test the stored one
 */
public record TestRequest(String formKey, UUID integrationId, String typedName, String organization,
        String testRepository, CredentialInput credential) {

    /** The values of a form that has not been saved: a credential is required. */
    public static TestRequest ofForm(String formKey, String typedName, String organization, String testRepository,
            CredentialInput credential) {
        return new TestRequest(Objects.requireNonNull(formKey), null, typedName, organization, testRepository,
                Objects.requireNonNull(credential, "an unsaved form's test needs its credential"));
    }

    /** The detail page's values of a saved integration: {@code newCredential} null means the stored one. */
    public static TestRequest ofSaved(UUID integrationId, String organization, String testRepository,
            CredentialInput newCredential) {
        return new TestRequest(null, Objects.requireNonNull(integrationId), null, organization, testRepository,
                newCredential);
    }

    /** A saved integration exactly as stored (the grid's Test action, scheduled checks). */
    public static TestRequest ofStored(UUID integrationId) {
        return new TestRequest(null, Objects.requireNonNull(integrationId), null, null, null, null);
    }

    boolean saved() {
        return integrationId != null;
    }
}
