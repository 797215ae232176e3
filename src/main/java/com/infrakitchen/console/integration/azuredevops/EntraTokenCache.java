package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.credential.EntraIds;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Service principals' Microsoft Entra access tokens, kept in this instance's memory only until
 * {@code app.entra.token-refresh-margin} before they expire, for the calls that do not test the principal (the
 * Repositories tab): a test always asks Entra again, since proving that Entra still accepts the secret is its point,
 * and stores the token it got. Keyed by an HMAC (with a key made at start) of the principal's tenant, client id and
 * secret, so a new secret or tenant never finds the old token and the key names no secret. Bounded: the oldest half
 * is dropped past {@link #MAX_ENTRIES}.
 */
@Component
class EntraTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Secret token, Instant usableUntil) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final EntraProperties properties;
    private final byte[] key = new byte[32];

    EntraTokenCache(Clock clock, EntraProperties properties) {
        this.clock = clock;
        this.properties = properties;
        new SecureRandom().nextBytes(key);
    }

    /** A copy of the token kept for this principal, if it is still usable; the caller wipes it. */
    @Nullable Secret get(String principalKey) {
        Entry e = tokens.get(principalKey);
        if (e == null) {
            return null;
        }
        if (!clock.instant().isBefore(e.usableUntil())) {
            tokens.remove(principalKey, e);
            return null;
        }
        return Secret.of(e.token().reveal());
    }

    /** Keeps a copy of {@code token}, valid for {@code expiresInSeconds}. */
    void put(String principalKey, Secret token, long expiresInSeconds) {
        Instant until = clock.instant().plusSeconds(expiresInSeconds).minus(properties.tokenRefreshMargin());
        if (!until.isAfter(clock.instant())) {
            return;
        }
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.keySet().stream().limit(MAX_ENTRIES / 2).toList().forEach(tokens::remove);
        }
        Entry old = tokens.put(principalKey, new Entry(Secret.of(token.reveal()), until));
        if (old != null) {
            old.token().wipe();
        }
    }

    /** The cache key of {@code p}: its tenant, proof, client id and secret (or certificate). */
    String keyOf(ServicePrincipalInput p) {
        Secret proof = switch (p.proof()) {
            case CLIENT_SECRET -> p.clientSecret();
            case CERTIFICATE -> p.certificate();
            case FEDERATED -> null;
        };
        return keyOf(EntraIds.tenantFrom(p.tenantId()) + "/" + p.proof(), EntraIds.clientIdFrom(p.clientId()), proof);
    }

    /** The cache key of a principal: an HMAC of its tenant, client id and secret (or certificate). */
    String keyOf(String tenant, String client, @Nullable Secret proof) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((tenant + "\n" + client + "\n").getBytes(StandardCharsets.UTF_8));
            if (proof != null) {
                byte[] bytes = proof.bytes();
                mac.update(bytes);
                java.util.Arrays.fill(bytes, (byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    int size() {
        return tokens.size();
    }
}
