package com.infrakitchen.console.integration.internal;

import java.time.Instant;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;

/**
 * Who created and last changed an integration, and when: set by Spring Data auditing on every save, from the
 * application's {@code Clock} and the signed-in user (see {@code IntegrationAuditing}); never by hand.
 */
public record Changes(@CreatedDate Instant createdAt, @CreatedBy String createdBy,
        @LastModifiedDate Instant updatedAt, @LastModifiedBy String updatedBy) {

    static final Changes NONE = new Changes(null, null, null, null);
}
