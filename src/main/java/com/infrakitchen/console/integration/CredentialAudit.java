package com.infrakitchen.console.integration;

import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.integration.internal.StoredCredential;

/**
 * What the audit trail says of a credential, by kind: the secret's name, what a creation shows, the field-level
 * changes of its public part. Never a secret: only that it changed ({@link AuditDetails#secretChanged}). The rest of
 * what depends on the kind (checking, sealing, opening, facts) is {@link IntegrationCredentials}.
 */
final class CredentialAudit {

    private CredentialAudit() {
    }

    /** How audit records name the secret of this kind. */
    static String secretName(StoredCredential credential) {
        return switch (credential) {
            case StoredCredential.AccessToken t -> "token";
            case StoredCredential.SshKey k -> "sshKey";
            case StoredCredential.ServicePrincipal p -> switch (p.principalProof()) {
                case CLIENT_SECRET -> "clientSecret";
                case CERTIFICATE -> "certificate";
                case FEDERATED -> "federatedIdentity";
            };
        };
    }

    /** What the creation record shows of a new credential. */
    static AuditDetails created(StoredCredential credential, AuditDetails details) {
        switch (credential) {
            case StoredCredential.AccessToken t -> details.put("tokenExpiresOn", String.valueOf(t.tokenExpiresOn()));
            case StoredCredential.SshKey k -> details.put("testRepository", k.testRepository())
                    .put("sshKeyAddedOn", String.valueOf(k.keyAddedOn()))
                    .put("sshKeyFingerprint", k.fingerprintSha256())
                    .put("sshKeyGenerated", Boolean.TRUE.equals(k.generated()));
            case StoredCredential.ServicePrincipal p -> details.put("tenantId", p.tenantId())
                    .put("clientId", p.clientId()).put("principalProof", p.proof())
                    .put("secretExpiresOn", String.valueOf(p.secretExpiresOn()))
                    .put("certificateThumbprint", String.valueOf(p.certificateThumbprint()))
                    .put("certificateExpiresOn", String.valueOf(p.certificateExpiresOn()));
        }
        return details.secretChanged(secretName(credential), true);
    }

    /** The field-level changes of the credential's public part, added to {@code diff}. */
    static AuditDetails changes(StoredCredential before, StoredCredential after, boolean secretChanged,
            AuditDetails diff) {
        switch (after) {
            case StoredCredential.AccessToken t -> diff.change("tokenExpiresOn",
                    ((StoredCredential.AccessToken) before).tokenExpiresOn(), t.tokenExpiresOn());
            case StoredCredential.SshKey k -> {
                StoredCredential.SshKey old = (StoredCredential.SshKey) before;
                diff.change("testRepository", old.testRepository(), k.testRepository());
                diff.change("sshKeyAddedOn", old.keyAddedOn(), k.keyAddedOn());
                if (secretChanged) {
                    diff.change("sshKeyFingerprint", old.fingerprintSha256(), k.fingerprintSha256());
                }
            }
            case StoredCredential.ServicePrincipal p -> {
                StoredCredential.ServicePrincipal old = (StoredCredential.ServicePrincipal) before;
                diff.change("tenantId", old.tenantId(), p.tenantId());
                diff.change("clientId", old.clientId(), p.clientId());
                diff.change("principalProof", old.proof(), p.proof());
                diff.change("secretExpiresOn", old.secretExpiresOn(), p.secretExpiresOn());
                diff.change("certificateThumbprint", old.certificateThumbprint(), p.certificateThumbprint());
                diff.change("certificateExpiresOn", old.certificateExpiresOn(), p.certificateExpiresOn());
            }
        }
        return diff;
    }
}
