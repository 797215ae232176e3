package com.infrakitchen.console.integration.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The integration aggregate as stored. {@code patCiphertext} is Tink output bound to this row's id;
 * nothing here is ever decrypted except by the service that needs the token for an outbound call.
 */
@Table("integration")
public record Integration(
        @Id UUID id,
        String name,
        String nameKey,
        String description,
        String method,
        String organization,
        boolean enabled,
        LocalDate tokenExpiresOn,
        byte[] patCiphertext,
        Integer patKeyId,
        Instant patSetAt,
        @Embedded.Nullable(prefix = "ssh_") SshKeyColumns ssh,
        String searchText,
        @MappedCollection(idColumn = "integration_id") Set<IntegrationLabel> labels,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @Version Long version) {

    /** The same integration with these shared fields (every way of connecting has them). */
    public Integration withFields(String name, String nameKey, String description, String organization,
            String searchText, Set<IntegrationLabel> labels) {
        return new Integration(id, name, nameKey, description, method, organization, enabled, tokenExpiresOn,
                patCiphertext, patKeyId, patSetAt, ssh, searchText, labels, createdAt, createdBy, updatedAt, updatedBy,
                version);
    }

    public Integration withEnabled(boolean enabled) {
        return new Integration(id, name, nameKey, description, method, organization, enabled, tokenExpiresOn,
                patCiphertext, patKeyId, patSetAt, ssh, searchText, labels, createdAt, createdBy, updatedAt, updatedBy,
                version);
    }

    /** The same integration with this personal access token (all null: none) and the expiry entered for it. */
    public Integration withPat(LocalDate tokenExpiresOn, byte[] patCiphertext, Integer patKeyId, Instant patSetAt) {
        return new Integration(id, name, nameKey, description, method, organization, enabled, tokenExpiresOn,
                patCiphertext, patKeyId, patSetAt, ssh, searchText, labels, createdAt, createdBy, updatedAt, updatedBy,
                version);
    }

    public Integration withSsh(SshKeyColumns ssh) {
        return new Integration(id, name, nameKey, description, method, organization, enabled, tokenExpiresOn,
                patCiphertext, patKeyId, patSetAt, ssh, searchText, labels, createdAt, createdBy, updatedAt, updatedBy,
                version);
    }

    /** Marks a change: when and by whom; the version stays the one loaded, for optimistic locking. */
    public Integration changedBy(Instant at, String by) {
        return new Integration(id, name, nameKey, description, method, organization, enabled, tokenExpiresOn,
                patCiphertext, patKeyId, patSetAt, ssh, searchText, labels, createdAt, createdBy, at, by, version);
    }

    @Override
    public String toString() {
        return "Integration[id=" + id + ", name=" + name + ", organization=" + organization + ", pat="
                + (patCiphertext == null ? "none" : "configured") + ", ssh=" + (ssh == null ? "none" : ssh)
                + ", version=" + version + "]";
    }
}
