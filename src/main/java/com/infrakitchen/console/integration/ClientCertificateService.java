package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.certificate.CertificateRuleViolation;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificate;
import com.infrakitchen.console.integration.credential.certificate.ClientCertificates;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Client certificates for the forms (a service principal's): read an uploaded or pasted certificate with its private
 * key at once (every rule, with a message that never contains key material) and say what may be shown of it.
 * Nothing is stored here; {@link IntegrationService} reads it again before it stores.
 */
@Service
public class ClientCertificateService {

    /** What the form shows of a certificate: public facts only. */
    public record CertificateFacts(String subject, String sha1Thumbprint, LocalDate expiresOn, int keyBits) {
    }

    private final Clock clock;

    ClientCertificateService(Clock clock) {
        this.clock = clock;
    }

    /**
     * The facts of {@code certificate} (PEM text, or {@code pkcs12:} and Base64) opened with {@code password}, or an
     * {@link IntegrationRuleViolation} on {@code certificate} or {@code certificatePassword}.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public CertificateFacts inspect(Secret certificate, @Nullable Secret password) {
        try {
            ClientCertificate c = ClientCertificates.parse(certificate, password, clock.instant());
            return new CertificateFacts(c.subject(), c.sha1Thumbprint(), c.expiresOn(), c.keyBits());
        } catch (CertificateRuleViolation v) {
            throw new IntegrationRuleViolation(v.field(), v.getMessage());
        }
    }
}
