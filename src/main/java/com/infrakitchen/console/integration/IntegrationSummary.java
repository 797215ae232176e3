package com.infrakitchen.console.integration;

import com.infrakitchen.console.integration.credential.AuthMethod;
import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One grid row, read with its newest check in the same query. No secret, only whether one is configured.
 *
 * @param sshKeyAddedOn the day an SSH integration's public key was added to the provider, null when unknown
 * @param lastCheck the newest stored check, or null when the integration was never tested
 */
public record IntegrationSummary(UUID id, String name, @Nullable String description, AuthMethod method,
        String organization, List<String> labels, boolean enabled, @Nullable LocalDate tokenExpiresOn,
        @Nullable LocalDate sshKeyAddedOn, boolean tokenConfigured, Instant updatedAt, String updatedBy, long version,
        @Nullable LastCheck lastCheck) {

    /** When its credential expires: the token's date entered, else the SSH key's (a year after it was added). */
    public @Nullable LocalDate expiresOn() {
        return tokenExpiresOn != null ? tokenExpiresOn : CredentialExpiry.sshKeyExpiresOn(sshKeyAddedOn);
    }

    /**
     * What the grid shows of the newest stored check: its category (hence outcome and headline), when it ran,
     * and whether a value it tested (organization, credential, SSH test repository) changed since.
     */
    public record LastCheck(CheckCategory category, String organization, Instant checkedAt, boolean outdated) {

        public CheckOutcome outcome() {
            return category.outcome();
        }

        public String headline() {
            return category.headline(organization);
        }

        /** The headline as said on {@code today} (CheckCategory.headline(String, LocalDate)). */
        public String headline(LocalDate today) {
            return category.headline(organization, today);
        }
    }
}
