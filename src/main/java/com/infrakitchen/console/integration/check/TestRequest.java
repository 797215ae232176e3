package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.credential.CredentialChange;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What pressing Test Connection asks for: the values a form holds now, as they are. The {@link CheckService}, not
 * the view, compares them with what is stored and decides whether the test is of the saved integration (its result
 * is then stored) or of an unsaved edit (shown and audited only), and computes the key that tells a result's values
 * from the form's ({@link CheckService#valuesKey}).
 *
 * @param formKey        the form, for "one test at a time" (unsaved forms; null for saved integrations)
 * @param integrationId  the saved integration, or null for a form that has not been saved
 * @param loadedVersion  the version of the saved integration the form shows (null for unsaved forms, and for
 *                       {@link #ofStored})
 * @param typedName      the name typed (for the audit record of an unsaved form)
 * @param organization   the organization in the form; null only for {@link #ofStored}
 * @param trigger        what started it, as the history shows it ({@link #startedBy})
 * @param credential     what the form does to the credential: a new one (required for an unsaved form), the stored
 *                       one with the form's settings, or null to test the stored one as it is
 */
public record TestRequest(@Nullable String formKey, @Nullable UUID integrationId, @Nullable Long loadedVersion,
        @Nullable String typedName, @Nullable String organization, @Nullable CredentialChange credential,
        CheckTrigger trigger) {

    /** The values of a form that has not been saved; {@code credential} null when nothing was entered yet. */
    public static TestRequest ofForm(String formKey, String typedName, String organization,
            @Nullable CredentialChange credential) {
        return new TestRequest(Objects.requireNonNull(formKey), null, null, typedName, organization, credential,
                CheckTrigger.MANUAL);
    }

    /** The detail page's values of a saved integration, loaded at {@code version}. */
    public static TestRequest ofSaved(UUID integrationId, long version, String organization,
            @Nullable CredentialChange credential) {
        return new TestRequest(null, Objects.requireNonNull(integrationId), version, null, organization, credential,
                CheckTrigger.MANUAL);
    }

    /** A saved integration exactly as stored (the grid's Test action, scheduled checks). */
    public static TestRequest ofStored(UUID integrationId) {
        return new TestRequest(null, Objects.requireNonNull(integrationId), null, null, null, null,
                CheckTrigger.MANUAL);
    }

    /** The same request, started by {@code how} (Run diagnostics, the scheduler): the history says so. */
    public TestRequest startedBy(CheckTrigger how) {
        return new TestRequest(formKey, integrationId, loadedVersion, typedName, organization, credential, how);
    }

    boolean saved() {
        return integrationId != null;
    }

    /** The organization as typed, trimmed; null when the request does not say. */
    @Nullable String typedOrganization() {
        return organization == null ? null : organization.strip();
    }
}
