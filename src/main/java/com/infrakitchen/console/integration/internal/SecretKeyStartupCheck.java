package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.secret.KeysetUnavailableException;
import com.infrakitchen.console.secret.SecretCipher;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when stored secrets were encrypted with a key the configured key set lacks
 * (or holds only as disabled: a retired key decrypts nothing) (docs/security.md S-07, Coder's behaviour): better a
 * clear stop than integrations that silently cannot authenticate. Runs while the context starts, before the web
 * server accepts requests; the start-up report says what to do ({@code KeysetFailureAnalyzer}).
 */
@Component
class SecretKeyStartupCheck {

    SecretKeyStartupCheck(IntegrationQueries queries, SecretCipher cipher) {
        Set<Integer> available = cipher.enabledKeyIds(); // a disabled (retired) key decrypts nothing
        List<Integer> missing = queries.keyIdsInUse().stream().filter(id -> !available.contains(id)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new KeysetUnavailableException("Stored secrets were encrypted with key id(s) " + missing
                    + " that the configured key set does not contain (it has " + available + " enabled).",
                    "Start with the key set that wrote them (APP_KEYSET_FILE / APP_KEYSET); add new keys to it"
                    + " instead of replacing it, and retire a key only after Re-encrypt secrets left nothing on it.");
        }
    }
}
