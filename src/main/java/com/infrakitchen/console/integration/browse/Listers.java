package com.infrakitchen.console.integration.browse;

import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.credential.CredentialInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The repository listers of this instance, by provider and kind of credential; one of each pair, found at start-up. */
final class Listers {

    private final Map<String, RepositoryLister<?>> byKey = new HashMap<>();

    Listers(List<RepositoryLister<?>> listers) {
        for (RepositoryLister<?> l : listers) {
            String key = key(l.provider(), l.credentialType());
            if (byKey.putIfAbsent(key, l) != null) {
                throw new IllegalStateException("Two repository listers for " + key);
            }
        }
    }

    /** The lister of this provider for this credential, bound to it; empty when that pair cannot list. */
    Optional<Bound> bind(String provider, CredentialInput credential) {
        RepositoryLister<?> lister = byKey.get(key(provider, credential.getClass()));
        return lister == null ? Optional.empty() : Optional.of(bound(lister, credential));
    }

    private static <C extends CredentialInput> Bound bound(RepositoryLister<C> lister, CredentialInput credential) {
        C typed = lister.credentialType().cast(credential);
        return (organization, continuation, cancellation) -> lister.list(organization, typed, continuation,
                cancellation);
    }

    private static String key(String provider, Class<?> credentialType) {
        return provider + "/" + credentialType.getSimpleName();
    }

    /** A lister with the credential it lists with. */
    interface Bound {
        RepositoryListing list(String organization, @Nullable String continuation, Cancellation cancellation);
    }
}
