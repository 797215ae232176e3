package com.infrakitchen.console.integration;

import com.infrakitchen.console.audit.AuditAction;
import com.infrakitchen.console.audit.AuditDetails;
import com.infrakitchen.console.audit.AuditOutcome;
import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.audit.AuditTrail;
import com.infrakitchen.console.integration.internal.Integration;
import com.infrakitchen.console.integration.internal.IntegrationQueries;
import com.infrakitchen.console.integration.internal.IntegrationRepository;
import com.infrakitchen.console.integration.internal.StoredCredential;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretCipher;
import com.infrakitchen.console.secret.SecretUnreadableException;
import com.infrakitchen.console.security.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation, step 4 of docs/security.md 1.2: re-encrypts every stored secret (token, SSH key and
 * passphrase, client secret, certificate) that is not on the primary key.
 * One small transaction per row, version-checked, so an editor saving at the same moment wins (the row
 * is skipped and picked up by the next run); idempotent: a second run finds nothing to do.
 */
@Service
public class SecretRotationService {

    private static final int BATCH = 100;

    private final IntegrationRepository repository;
    private final IntegrationQueries queries;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    SecretRotationService(IntegrationRepository repository, IntegrationQueries queries, SecretCipher cipher,
            AuditTrail audit, TransactionTemplate transactions) {
        this.repository = repository;
        this.queries = queries;
        this.cipher = cipher;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** What the key set holds and how many secrets still use a non-primary key. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(readOnly = true)
    public KeyStatus status() {
        return new KeyStatus(cipher.primaryKeyId(), List.copyOf(cipher.keyIds()),
                queries.countSecretsNotOnKey(cipher.primaryKeyId()));
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReencryptionReport reencryptSecrets() {
        int primary = cipher.primaryKeyId();
        Set<UUID> seen = new HashSet<>();
        int reencrypted = 0;
        int skipped = 0;
        int unreadable = 0;
        while (true) {
            List<UUID> batch = queries.secretsNotOnKey(primary, BATCH + seen.size()).stream()
                    .filter(seen::add).limit(BATCH).toList();
            if (batch.isEmpty()) {
                break;
            }
            for (UUID id : batch) {
                switch (reencryptOne(id, primary)) {
                    case DONE -> reencrypted++;
                    case CHANGED_MEANWHILE -> skipped++;
                    case UNREADABLE -> unreadable++;
                }
            }
        }
        long remaining = queries.countSecretsNotOnKey(primary);
        ReencryptionReport report = new ReencryptionReport(primary, reencrypted, skipped, unreadable, remaining);
        AuditDetails details = AuditDetails.of().put("primaryKeyId", primary).put("reencrypted", reencrypted)
                .put("skippedConcurrentEdits", skipped).put("unreadable", unreadable).put("remaining", remaining);
        AuditOutcome outcome = unreadable == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE;
        transactions.executeWithoutResult(s -> audit.record(AuditAction.KEY_ROTATION_COMPLETED, outcome,
                Target.operation("re-encrypt secrets"), details));
        return report;
    }

    private enum Outcome { DONE, CHANGED_MEANWHILE, UNREADABLE }

    private Outcome reencryptOne(UUID id, int primary) {
        return transactions.execute(status -> {
            Integration row = repository.findById(id).orElse(null);
            if (row == null) {
                return Outcome.CHANGED_MEANWHILE;
            }
            StoredCredential.AccessToken pat = row.pat();
            boolean patMoves = pat != null && pat.patCiphertext() != null && pat.patKeyId() != primary;
            StoredCredential.SshKey ssh = row.ssh();
            boolean sshMoves = ssh != null && ssh.keyCiphertext() != null && ssh.keyKeyId() != primary;
            StoredCredential.ServicePrincipal sp = row.sp();
            boolean spMoves = sp != null && ((sp.secretCiphertext() != null && sp.secretKeyId() != primary)
                    || (sp.certificateCiphertext() != null && sp.certificateKeyId() != primary));
            if (!patMoves && !sshMoves && !spMoves) {
                return Outcome.CHANGED_MEANWHILE;
            }
            if (patMoves) {
                Outcome token = reseal(row, "token", pat.patCiphertext(), pat.patKeyId(),
                        IntegrationCredentials.tokenPlace(id),
                        sealed -> queries.replaceCiphertext(id, row.version(), sealed, primary));
                if (token != Outcome.DONE) {
                    return token;
                }
            }
            if (sshMoves) {
                Secret key;
                Secret passphrase = null;
                try {
                    key = cipher.open(ssh.keyCiphertext(), IntegrationCredentials.sshKeyPlace(id));
                    if (ssh.passphraseCiphertext() != null) {
                        passphrase = cipher.open(ssh.passphraseCiphertext(), IntegrationCredentials.sshPassphrasePlace(id));
                    }
                } catch (SecretUnreadableException e) {
                    audit.record(AuditAction.SECRET_UNREADABLE, AuditOutcome.FAILURE, Target.integration(id,
                            row.name()), AuditDetails.of().put("secret", "sshKey").put("keyId", ssh.keyKeyId())
                            .put("reason", e.reason().name()));
                    return Outcome.UNREADABLE;
                }
                try {
                    byte[] keyCt = cipher.seal(key, IntegrationCredentials.sshKeyPlace(id));
                    byte[] passCt = passphrase == null ? null
                            : cipher.seal(passphrase, IntegrationCredentials.sshPassphrasePlace(id));
                    if (!queries.replaceSshCiphertext(id, row.version(), keyCt, passCt, primary)) {
                        status.setRollbackOnly();
                        return Outcome.CHANGED_MEANWHILE;
                    }
                } finally {
                    key.wipe();
                    if (passphrase != null) {
                        passphrase.wipe();
                    }
                }
            }
            if (spMoves) {
                Outcome principal = resealPrincipal(row, sp, primary);
                if (principal != Outcome.DONE) {
                    status.setRollbackOnly();
                    return principal;
                }
            }
            return Outcome.DONE;
        });
    }

    /** The service principal's client secret or certificate, sealed again with {@code primary}. */
    private Outcome resealPrincipal(Integration row, StoredCredential.ServicePrincipal sp, int primary) {
        UUID id = row.id();
        boolean secret = sp.secretCiphertext() != null;
        String what = secret ? "clientSecret" : "certificate";
        String place = secret ? IntegrationCredentials.clientSecretPlace(id)
                : IntegrationCredentials.certificatePlace(id);
        Secret open;
        try {
            open = cipher.open(secret ? sp.secretCiphertext() : sp.certificateCiphertext(), place);
        } catch (SecretUnreadableException e) {
            audit.record(AuditAction.SECRET_UNREADABLE, AuditOutcome.FAILURE, Target.integration(id, row.name()),
                    AuditDetails.of().put("secret", what).put("keyId", secret ? sp.secretKeyId()
                            : sp.certificateKeyId()).put("reason", e.reason().name()));
            return Outcome.UNREADABLE;
        }
        try {
            byte[] sealed = cipher.seal(open, place);
            return queries.replaceServicePrincipalCiphertext(id, row.version(), secret ? sealed : null,
                    secret ? null : sealed, primary) ? Outcome.DONE : Outcome.CHANGED_MEANWHILE;
        } finally {
            open.wipe();
        }
    }

    private Outcome reseal(Integration row, String what, byte[] ciphertext, Integer keyId, String place,
            Predicate<byte[]> replace) {
        Secret secret;
        try {
            secret = cipher.open(ciphertext, place);
        } catch (SecretUnreadableException e) {
            audit.record(AuditAction.SECRET_UNREADABLE, AuditOutcome.FAILURE, Target.integration(row.id(), row.name()),
                    AuditDetails.of().put("secret", what).put("keyId", keyId).put("reason", e.reason().name()));
            return Outcome.UNREADABLE;
        }
        try {
            return replace.test(cipher.seal(secret, place)) ? Outcome.DONE : Outcome.CHANGED_MEANWHILE;
        } finally {
            secret.wipe();
        }
    }

    public record KeyStatus(int primaryKeyId, List<Integer> keyIds, long secretsOnOtherKeys) {
    }

    public record ReencryptionReport(int primaryKeyId, int reencrypted, int skippedConcurrentEdits, int unreadable,
            long remaining) {
    }
}
