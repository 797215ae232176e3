package com.infrakitchen.console.integration.credential;

import com.infrakitchen.console.secret.Secret;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Entra service principal as the form holds it (docs/product.md 4.1): the tenant and application (client)
 * id as typed, how it proves itself ({@link PrincipalProof}) and that proof's secret: the client secret (with the
 * expiry date the user entered for it, null when unknown), or the certificate with its private key (PEM text, or a
 * PKCS#12 file as Base64, see {@link #certificate}) and the PKCS#12 file's password. Federation holds no secret. The
 * service checks and parses everything again before storing; whoever receives one wipes it.
 *
 * @param certificate PEM text ({@code -----BEGIN CERTIFICATE-----} and a private key block), or a PKCS#12 file's bytes
 *                    Base64-encoded, prefixed with {@link #PKCS12_PREFIX}
 */
public record ServicePrincipalInput(@Nullable String tenantId, @Nullable String clientId, PrincipalProof proof,
        @Nullable Secret clientSecret, @Nullable LocalDate secretExpiresOn, @Nullable Secret certificate,
        @Nullable Secret certificatePassword) implements CredentialInput {

    /** Marks {@link #certificate} as a Base64 PKCS#12 file rather than PEM text. */
    public static final String PKCS12_PREFIX = "pkcs12:";

    /** A client secret. */
    public static ServicePrincipalInput withSecret(@Nullable String tenantId, @Nullable String clientId,
            @Nullable Secret clientSecret, @Nullable LocalDate secretExpiresOn) {
        return new ServicePrincipalInput(tenantId, clientId, PrincipalProof.CLIENT_SECRET, clientSecret,
                secretExpiresOn, null, null);
    }

    /** A certificate with its private key; {@code password} for a PKCS#12 file (or an encrypted PEM key). */
    public static ServicePrincipalInput withCertificate(@Nullable String tenantId, @Nullable String clientId,
            @Nullable Secret certificate, @Nullable Secret password) {
        return new ServicePrincipalInput(tenantId, clientId, PrincipalProof.CERTIFICATE, null, null, certificate,
                password);
    }

    /** Workload identity federation: nothing secret is held. */
    public static ServicePrincipalInput federated(@Nullable String tenantId, @Nullable String clientId) {
        return new ServicePrincipalInput(tenantId, clientId, PrincipalProof.FEDERATED, null, null, null, null);
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.SERVICE_PRINCIPAL;
    }

    @Override
    public CredentialSettings.ServicePrincipalSettings settings() {
        return new CredentialSettings.ServicePrincipalSettings(tenantId, clientId, proof, secretExpiresOn);
    }

    /** The same proof for the tenant and application the settings name (they are what a test asks Entra about). */
    @Override
    public ServicePrincipalInput withTestedSettings(CredentialSettings settings) {
        return settings instanceof CredentialSettings.ServicePrincipalSettings s && s.proof() == proof
                ? new ServicePrincipalInput(s.tenantId(), s.clientId(), proof, clientSecret, secretExpiresOn,
                        certificate, certificatePassword)
                : this;
    }

    @Override
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>(3);
        for (Secret s : new Secret[] {clientSecret, certificate, certificatePassword}) {
            if (s != null && s.length() > 0) {
                secrets.add(s);
            }
        }
        return secrets;
    }

    /**
     * The client secret only: it is what travels (to Entra). A certificate's private key never leaves the console
     * (it signs an assertion), nor does the file's password.
     */
    @Override
    public List<Secret> transmittedSecrets() {
        return clientSecret == null || clientSecret.length() == 0 ? List.of() : List.of(clientSecret);
    }

    @Override
    public void wipe() {
        for (Secret s : new Secret[] {clientSecret, certificate, certificatePassword}) {
            if (s != null) {
                s.wipe();
            }
        }
    }

    @Override
    public String toString() {
        return "ServicePrincipalInput[tenant=" + tenantId + ", client=" + clientId + ", proof=" + proof + "]";
    }
}
