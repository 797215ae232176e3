package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.integration.credential.AuthMethod;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The integration aggregate as stored: its id and version, the fields every provider has, whether it is enabled,
 * its provider, its credential and who changed it when (filled by Spring Data auditing from the application's
 * clock). The credential is one of the sealed {@link StoredCredential} kinds; the columns of every kind stay in the
 * one table (decision 0013), each kind embedded with its own columns. Ciphertexts are Tink output bound to this
 * row's id; nothing here is ever decrypted except by the service that needs a secret for an outbound call.
 */
@Table("integration")
public record Integration(
        @Id UUID id,
        @Version @Nullable Long version,
        @Embedded.Empty IntegrationColumns fields,
        @MappedCollection(idColumn = "integration_id") Set<IntegrationLabel> labels,
        boolean enabled,
        String provider,
        String method,
        @Embedded.Nullable StoredCredential.@Nullable AccessToken pat,
        @Embedded.Nullable(prefix = "ssh_") StoredCredential.@Nullable SshKey ssh,
        @Embedded.Nullable(prefix = "sp_") StoredCredential.@Nullable ServicePrincipal sp,
        @Embedded.Empty Changes changes) {

    /** A new integration: no version yet (so it is inserted), audited when saved. */
    public static Integration create(UUID id, IntegrationColumns fields, Set<IntegrationLabel> labels,
            String provider, StoredCredential credential) {
        return of(id, null, fields, labels, true, provider, credential, Changes.NONE);
    }

    /** The credential this integration connects with. */
    public StoredCredential credential() {
        return switch (AuthMethod.valueOf(method)) {
            case PAT -> pat == null ? StoredCredential.AccessToken.NONE : pat;
            case SSH -> ssh == null ? StoredCredential.SshKey.NONE : ssh;
            case SERVICE_PRINCIPAL -> sp == null ? StoredCredential.ServicePrincipal.NONE : sp;
        };
    }

    public AuthMethod authMethod() {
        return AuthMethod.valueOf(method);
    }

    public String name() {
        return fields.name();
    }

    /** The same integration with this credential (its kind becomes the integration's method). */
    public Integration withCredential(StoredCredential credential) {
        return of(id, version, fields, labels, enabled, provider, credential, changes);
    }

    /**
     * The row with {@code credential} in the columns of its kind, and that kind as its method. A service principal's
     * known expiry also goes in {@code token_expires_on} (as an access token record without a token): that column is
     * "the date the credential's secret is known to expire", which the grid's Token expiry column, its Expiring soon
     * filter, /health and the metrics read for every kind (an SSH key's is derived from {@code ssh_key_added_on}).
     */
    private static Integration of(UUID id, @Nullable Long version, IntegrationColumns fields,
            Set<IntegrationLabel> labels, boolean enabled, String provider, StoredCredential credential,
            Changes changes) {
        return switch (credential) {
            case StoredCredential.AccessToken t -> new Integration(id, version, fields, labels, enabled, provider,
                    AuthMethod.PAT.name(), t.isEmpty() ? null : t, null, null, changes);
            case StoredCredential.SshKey k -> new Integration(id, version, fields, labels, enabled, provider,
                    AuthMethod.SSH.name(), null, k.isEmpty() ? null : k, null, changes);
            case StoredCredential.ServicePrincipal p -> new Integration(id, version, fields, labels, enabled,
                    provider, AuthMethod.SERVICE_PRINCIPAL.name(), p.expiresOn() == null ? null
                            : StoredCredential.AccessToken.NONE.withExpiry(p.expiresOn()), null,
                    p.isEmpty() ? null : p, changes);
        };
    }

    public Integration withFields(IntegrationColumns fields, Set<IntegrationLabel> labels) {
        return new Integration(id, version, fields, labels, enabled, provider, method, pat, ssh, sp, changes);
    }

    public Integration withEnabled(boolean enabled) {
        return new Integration(id, version, fields, labels, enabled, provider, method, pat, ssh, sp, changes);
    }

    @Override
    public String toString() {
        return "Integration[id=" + id + ", name=" + fields.name() + ", organization=" + fields.organization()
                + ", provider=" + provider + ", credential=" + credential() + ", version=" + version + "]";
    }
}
