package com.infrakitchen.console.integration.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;

/**
 * Who created and last changed an integration, and when: set by Spring Data auditing on every save, from the
 * application's {@code Clock} and the signed-in user (see {@code IntegrationAuditing}); never by hand.
 */
public record Changes(@CreatedDate @Nullable Instant createdAt, @CreatedBy @Nullable String createdBy,
        @LastModifiedDate @Nullable Instant updatedAt, @LastModifiedBy @Nullable String updatedBy) {

    static final Changes NONE = new Changes(null, null, null, null);
}
