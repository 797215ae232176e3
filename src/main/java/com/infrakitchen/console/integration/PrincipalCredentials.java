package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.CredentialSettings;
import com.infrakitchen.console.integration.credential.EntraIds;
import com.infrakitchen.console.integration.credential.PrincipalProof;
import com.infrakitchen.console.integration.credential.ServicePrincipalInput;
import com.infrakitchen.console.integration.credential.certificate.CertificateRuleViolation;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificate;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificates;
import com.infrakitchen.console.integration.internal.StoredCredential;
import com.infrakitchen.console.integration.provider.IntegrationProvider;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The service principal's case of {@link IntegrationCredentials} (decision 0019), kept apart at the house size: its
 * rules beyond the ids (its proof and that proof's secret), how it is sealed (the client secret, or the certificate
 * read and re-encoded as PEM/PKCS#8; a PKCS#12 password is not kept), changed while its secret is kept, and opened.
 * {@link IntegrationCredentials} stays the one place that switches on the kind and calls these for its case.
 */
final class PrincipalCredentials {

    private static final int SUBJECT_MAX = 1000;

    private final SecretCipher cipher;

    PrincipalCredentials(SecretCipher cipher) {
        this.cipher = cipher;
    }

    static String clientSecretPlace(UUID id) {
        return "integration/" + id + "/sp-secret/v1";
    }

    static String certificatePlace(UUID id) {
        return "integration/" + id + "/sp-certificate/v1";
    }

    /** The rules of the proof's secret that need no parsing; throws with a field error. */
    static void checkProof(ServicePrincipalInput p) {
        switch (p.proof()) {
            case CLIENT_SECRET -> EntraIds.clientSecretProblem(stripped(p.clientSecret())).ifPresent(m -> {
                throw new IntegrationRuleViolation("clientSecret", m);
            });
            case CERTIFICATE -> {
                if (p.certificate() == null || p.certificate().length() == 0) {
                    throw new IntegrationRuleViolation("certificate", "Certificate is required: upload or paste the"
                            + " certificate with its private key");
                }
            }
            case FEDERATED -> {
                // nothing is held: the platform's token file proves it
            }
        }
    }

    /** The tenant, the application and whether the provider accepts the proof; throws with a field error. */
    static void checkSettings(IntegrationProvider provider, CredentialSettings.ServicePrincipalSettings p) {
        EntraIds.tenantProblem(EntraIds.tenantFrom(p.tenantId())).ifPresent(m -> {
            throw new IntegrationRuleViolation("tenantId", m);
        });
        EntraIds.clientIdProblem(EntraIds.clientIdFrom(p.clientId())).ifPresent(m -> {
            throw new IntegrationRuleViolation("clientId", m);
        });
        if (!provider.principalProofs().contains(p.proof())) {
            throw new IntegrationRuleViolation("proof", p.proof() == PrincipalProof.FEDERATED
                    ? "Workload identity federation is not enabled on this console: an administrator sets"
                            + " app.entra.federated-token-file (see the README), or use a client secret or a"
                            + " certificate"
                    : provider.displayName() + " does not accept a service principal's " + lower(p.proof()));
        }
    }

    /** Seals {@code p} (its rules already checked) for row {@code id}. */
    StoredCredential.ServicePrincipal seal(UUID id, ServicePrincipalInput p, Instant now) {
        String tenant = EntraIds.tenantFrom(p.tenantId());
        String client = EntraIds.clientIdFrom(p.clientId());
        String proof = p.proof().name();
        return switch (p.proof()) {
            case CLIENT_SECRET -> {
                byte[] ct = sealed(Secret.of(stripped(p.clientSecret())), clientSecretPlace(id));
                yield new StoredCredential.ServicePrincipal(tenant, client, proof, ct, SecretCipher.keyIdOf(ct),
                        p.secretExpiresOn(), null, null, null, null, null, now);
            }
            case CERTIFICATE -> {
                ClientCertificate certificate;
                try {
                    certificate = ClientCertificates.parse(p.certificate(), p.certificatePassword(), now);
                } catch (CertificateRuleViolation v) {
                    throw new IntegrationRuleViolation(v.field(), v.getMessage());
                }
                byte[] ct = sealed(Secret.of(certificate.pem()), certificatePlace(id));
                String subject = certificate.subject();
                yield new StoredCredential.ServicePrincipal(tenant, client, proof, null, null, null, ct,
                        SecretCipher.keyIdOf(ct), subject.length() <= SUBJECT_MAX ? subject
                                : subject.substring(0, SUBJECT_MAX), certificate.sha1Thumbprint(),
                        certificate.expiresOn(), now);
            }
            case FEDERATED -> new StoredCredential.ServicePrincipal(tenant, client, proof, null, null, null, null,
                    null, null, null, null, now);
        };
    }

    /** The stored principal with these settings: the same proof only (another needs its own secret). */
    static StoredCredential.ServicePrincipal withSettings(StoredCredential.ServicePrincipal p,
            CredentialSettings.ServicePrincipalSettings s, Instant now) {
        if (s.proof() != p.principalProof()) {
            throw new IntegrationRuleViolation("proof", "To sign in with " + lower(s.proof()) + " instead of "
                    + lower(p.principalProof()) + ", enter the new one (Replace): the stored one is then removed");
        }
        return p.withSettings(EntraIds.tenantFrom(s.tenantId()), EntraIds.clientIdFrom(s.clientId()),
                s.proof() == PrincipalProof.CLIENT_SECRET ? s.secretExpiresOn() : null, now);
    }

    /** The stored principal with its secret opened, for a test; the caller wipes it. */
    ServicePrincipalInput open(UUID id, StoredCredential.ServicePrincipal p) {
        Secret secret = p.secretCiphertext() == null ? null : cipher.open(p.secretCiphertext(), clientSecretPlace(id));
        Secret certificate = p.certificateCiphertext() == null ? null
                : cipher.open(p.certificateCiphertext(), certificatePlace(id));
        return new ServicePrincipalInput(p.tenantId(), p.clientId(), p.principalProof(), secret, p.secretExpiresOn(),
                certificate, null);
    }

    private static String lower(PrincipalProof proof) {
        return proof.label().toLowerCase(Locale.ROOT);
    }

    private static String stripped(@Nullable Secret typed) {
        return typed == null ? "" : typed.reveal().strip();
    }

    private byte[] sealed(Secret secret, String place) {
        try {
            return cipher.seal(secret, place);
        } finally {
            secret.wipe();
        }
    }
}
