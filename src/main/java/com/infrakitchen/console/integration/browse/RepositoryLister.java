package com.infrakitchen.console.integration.browse;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.credential.CredentialInput;
import org.jspecify.annotations.Nullable;

/**
 * Lists what one kind of credential can see at one provider, a page at a time; blocking, called off the UI thread by
 * {@link RepositoryService}, which finds it by the integration's provider and the credential's kind (as
 * {@code check.Checkers} finds a checker). A credential that cannot list repositories (an SSH key) answers with what
 * it can show instead ({@link RepositoryListing.BranchList}).
 *
 * @param <C> the kind of credential it lists with
 */
public interface RepositoryLister<C extends CredentialInput> {

    /** The provider it lists for ({@code provider.IntegrationProvider#id()}). */
    String provider();

    /** The kind of credential it lists with. */
    Class<C> credentialType();

    /**
     * One page: from the start when {@code continuation} is null, else from where the page that returned it ended.
     * Never throws for a failed request (the failure is a {@link RepositoryListing.ListingFailure} with the category
     * Test Connection would give it); must not keep the secrets after it returns (the caller wipes them).
     */
    RepositoryListing list(String organization, C credential, @Nullable String continuation,
            Cancellation cancellation);
}
