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

    @Override
    public String toString() {
        return "Integration[id=" + id + ", name=" + name + ", organization=" + organization + ", pat="
                + (patCiphertext == null ? "none" : "configured") + ", ssh=" + (ssh == null ? "none" : ssh)
                + ", version=" + version + "]";
    }
}
