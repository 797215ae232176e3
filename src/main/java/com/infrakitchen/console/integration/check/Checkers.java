package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.integration.credential.CredentialInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checkers of this instance, by provider and kind of credential; one of each pair, found at start-up. */
final class Checkers {

    private final Map<String, ConnectionChecker<?>> byKey = new HashMap<>();

    Checkers(List<ConnectionChecker<?>> checkers) {
        for (ConnectionChecker<?> c : checkers) {
            String key = key(c.provider(), c.credentialType());
            if (byKey.putIfAbsent(key, c) != null) {
                throw new IllegalStateException("Two connection checkers for " + key);
            }
        }
    }

    /** The checker of this provider for this credential, bound to it. */
    Bound bind(String provider, CredentialInput credential) {
        ConnectionChecker<?> checker = byKey.get(key(provider, credential.getClass()));
        if (checker == null) {
            throw new IllegalStateException("No connection checker for " + key(provider, credential.getClass()));
        }
        return bound(checker, credential);
    }

    private static <C extends CredentialInput> Bound bound(ConnectionChecker<C> checker, CredentialInput credential) {
        C typed = checker.credentialType().cast(credential);
        return new Bound() {
            @Override
            public boolean failsLocally(String organization) {
                return checker.failsLocally(organization, typed);
            }

            @Override
            public CheckResult check(String organization, String fingerprint, Cancellation cancellation) {
                return checker.check(organization, typed, fingerprint, cancellation);
            }
        };
    }

    private static String key(String provider, Class<?> credentialType) {
        return provider + "/" + credentialType.getSimpleName();
    }

    /** A checker with the credential it tests. */
    interface Bound {
        boolean failsLocally(String organization);

        CheckResult check(String organization, String fingerprint, Cancellation cancellation);
    }
}
