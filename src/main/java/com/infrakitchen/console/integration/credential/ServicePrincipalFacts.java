package com.infrakitchen.console.integration.credential;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of a stored service principal: its tenant and application id, how it proves itself, when that
 * was set, the expiry date entered for a client secret, and of a certificate what is public by nature (subject,
 * SHA-1 thumbprint as the Azure portal shows it, end date). Never the client secret or the private key.
 */
public record ServicePrincipalFacts(String tenantId, String clientId, PrincipalProof proof, boolean configured,
        @Nullable Instant setAt, @Nullable LocalDate secretExpiresOn, @Nullable String certificateSubject,
        @Nullable String certificateThumbprint, @Nullable LocalDate certificateExpiresOn)
        implements CredentialFacts {

    @Override
    public AuthMethod method() {
        return AuthMethod.SERVICE_PRINCIPAL;
    }

    /** The client secret's entered expiry, or the certificate's end date; null for federation or when unknown. */
    @Override
    public @Nullable LocalDate expiresOn() {
        return switch (proof) {
            case CLIENT_SECRET -> secretExpiresOn;
            case CERTIFICATE -> certificateExpiresOn;
            case FEDERATED -> null;
        };
    }

    @Override
    public CredentialSettings.ServicePrincipalSettings settings() {
        return new CredentialSettings.ServicePrincipalSettings(tenantId, clientId, proof, secretExpiresOn);
    }
}
