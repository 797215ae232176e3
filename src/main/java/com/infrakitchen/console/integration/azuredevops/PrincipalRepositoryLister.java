package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.browse.RepositoryLister;
import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.secret.Secret;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Repositories tab for a service principal: the token's listing ({@link PatRepositoryLister}) with the
 * principal's Microsoft Entra token as Bearer, taken from {@link EntraTokenCache} while it lasts, else asked for
 * (and kept). A refusal by Entra is the listing's failure, with the category Test Connection would give it.
 */
@Component
class PrincipalRepositoryLister implements RepositoryLister<ServicePrincipalInput> {

    private final PatRepositoryLister listing;
    private final EntraTokens entra;
    private final EntraTokenCache cache;
    private final AzureDevOpsHttp http;
    private final AzureDevOpsProvider provider;

    PrincipalRepositoryLister(PatRepositoryLister listing, EntraTokens entra, EntraTokenCache cache,
            AzureDevOpsHttp http, AzureDevOpsProvider provider) {
        this.listing = listing;
        this.entra = entra;
        this.cache = cache;
        this.http = http;
        this.provider = provider;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<ServicePrincipalInput> credentialType() {
        return ServicePrincipalInput.class;
    }

    @Override
    public RepositoryListing list(String organization, ServicePrincipalInput credential,
            @Nullable String continuation, Cancellation cancellation) {
        String org = organization.strip();
        PatSteps.Local local = PrincipalSteps.local(org, credential, provider.principalProofs());
        if (local.failure() != null) {
            return new ListingFailure(local.failure(), org, local.step().summary(), null, 0);
        }
        String key = cache.keyOf(credential);
        Secret token = cache.get(key);
        if (token == null) {
            try (AzureDevOpsHttp.Connections connections = http.connections(false, AzureDevOpsHttp.Scheme.BEARER)) {
                EntraTokens.Answer answer = entra.request(credential, connections, cancellation);
                if (answer.accessToken() == null) {
                    return new ListingFailure(answer.failure(), org, answer.step().summary(),
                            answer.step().http(), answer.step().durationMillis());
                }
                token = answer.accessToken();
                cache.put(key, token, answer.expiresInSeconds());
            }
        }
        try {
            return listing.listWith(org, token.reveal(), AzureDevOpsHttp.Scheme.BEARER, continuation, cancellation);
        } finally {
            token.wipe();
        }
    }
}
