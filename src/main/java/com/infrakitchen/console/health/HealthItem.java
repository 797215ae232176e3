package com.infrakitchen.console.health;

import com.infrakitchen.console.integration.credential.CredentialExpiry;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One enabled integration that needs attention.
 *
 * @param attention     the worst reason (what its row's badge says)
 * @param outcome       the outcome of its newest stored test, null when never tested
 * @param headline      the headline of that test's diagnosis, null when never tested
 * @param lastChecked   when that test ran, null when never tested
 * @param failingSince  when failing: the time of the oldest result of the current unbroken run of failures
 * @param tokenExpiresOn   the expiry date entered for its token (a service principal's: its client secret's, or its
 *                         certificate's end), null when none (or an SSH integration)
 * @param sshKeyExpiresOn  when its SSH key expires in Azure DevOps (the day it was added plus
 *                         {@link CredentialExpiry#SSH_KEY_LIFETIME}), null when unknown (or a token integration)
 * @param expiring      whether its token or SSH key expires within {@value CredentialExpiry#WARNING_DAYS} days (or
 *                      expired)
 * @param stale         whether its newest test is older than twice the check interval
 * @param createdAt     when it was created
 * @param credential    what expires, as a sentence starts: "Token", "SSH key", "Client secret", "Certificate"
 */
public record HealthItem(
        UUID id,
        String name,
        Attention attention,
        @Nullable CheckOutcome outcome,
        @Nullable String headline,
        @Nullable Instant lastChecked,
        @Nullable Instant failingSince,
        @Nullable LocalDate tokenExpiresOn,
        @Nullable LocalDate sshKeyExpiresOn,
        boolean expiring,
        boolean stale,
        Instant createdAt,
        String credential) {

    /** The expiry that matters: the token's, else the SSH key's; null when neither is known. */
    public @Nullable LocalDate expiresOn() {
        return tokenExpiresOn != null ? tokenExpiresOn : sshKeyExpiresOn;
    }

    /** What expires, as a sentence starts: "Token", "SSH key", "Client secret", "Certificate". */
    public String expiringCredential() {
        return credential;
    }
}
