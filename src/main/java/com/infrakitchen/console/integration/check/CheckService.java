package com.infrakitchen.console.integration.check;

import com.infrakitchen.console.audit.AuditTrail.Target;
import com.infrakitchen.console.integration.AccessTokenInput;
import com.infrakitchen.console.integration.AuthMethod;
import com.infrakitchen.console.integration.CredentialInput;
import com.infrakitchen.console.integration.IntegrationRules;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.SshKeyInput;
import com.infrakitchen.console.integration.StoredCredentials;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.secret.SecretUnreadableException;
import com.infrakitchen.console.security.CurrentUser;
import com.infrakitchen.console.security.Roles;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Test Connection: runs a test off the caller's thread (docs/security.md 2.8), within the limits of
 * {@link CheckThrottle}, audits every attempt (refused ones too), and stores the results of saved
 * integrations. A test of unsaved form values is never stored: it is shown in the form only.
 */
@Service
public class CheckService {


    private final ConnectionChecker<CheckInput> checker;
    private final ConnectionChecker<KeyCheckInput> keyChecker;
    private final IntegrationService integrations;
    private final CheckRecordStore store;
    private final CheckRunner runner;

    CheckService(ConnectionChecker<CheckInput> checker, ConnectionChecker<KeyCheckInput> keyChecker,
            IntegrationService integrations, CheckRecordStore store,
            CheckRunner runner) {
        this.checker = checker;
        this.keyChecker = keyChecker;
        this.integrations = integrations;
        this.store = store;
        this.runner = runner;
    }

    /**
     * Tests what a form holds now (see {@link TestRequest}). An unsaved form is tested with the credential it holds;
     * a saved integration with the stored credential, unless the form differs from what is stored (another
     * organization or test repository, a new token or key): then those values are tested, and the result is shown
     * and audited but not stored as the integration's. The secrets are wiped when the test ends.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public CheckRun test(TestRequest request) {
        if (request.integrationId() == null) {
            return switch (request.credential()) {
                case AccessTokenInput token -> testUnsaved(request.formKey(), request.typedName(),
                        request.organization(), token.token(), token.expiresOn());
                case SshKeyInput key -> testUnsavedKey(request.formKey(), request.typedName(), request.organization(),
                        request.testRepository(), key.privateKey(), key.passphrase());
            };
        }
        return testSaved(request);
    }

    private static void wipe(CredentialInput credential) {
        if (credential != null) {
            credential.wipe();
        }
    }

    /** Values a form holds but has not saved; {@code formKey} names the form (one test at a time per form). */
    private CheckRun testUnsaved(String formKey, String typedName, String organization, Secret token,
            LocalDate tokenExpiresOn) {
        CheckInput input = new CheckInput(organization, token, tokenExpiresOn, CheckFingerprint.of(organization, token));
        return runner.start("form:" + formKey, Target.unsavedIntegration(typedName), null, organization, null, null,
                input.fingerprint(), failsLocally(organization, token), c -> checker.check(input, c), () -> wipe(token));
    }

    /** An SSH key a form holds but has not saved. */
    private CheckRun testUnsavedKey(String formKey, String typedName, String organization, String testRepository,
            Secret privateKey, Secret passphrase) {
        KeyCheckInput input = new KeyCheckInput(organization, testRepository, privateKey, passphrase,
                CheckFingerprint.ofKey(organization, testRepository, privateKey, passphrase));
        return runner.start("form:" + formKey, Target.unsavedIntegration(typedName), null, organization, testRepository,
                null, input.fingerprint(), failsLocally(organization), c -> keyChecker.check(input, c),
                () -> wipe(privateKey, passphrase));
    }

    /**
     * A saved integration, read once. What differs from the stored values (another organization or test repository,
     * a new token or key) is an unsaved edit: it is tested, shown and audited, but not stored as the integration's
     * result.
     */
    private CheckRun testSaved(TestRequest request) {
        UUID integrationId = request.integrationId();
        CredentialInput credential = request.credential();
        StoredCredentials stored;
        try {
            stored = integrations.credentialsForTest(integrationId)
                    .orElseThrow(() -> new NoSuchElementException("No integration " + integrationId));
        } catch (SecretUnreadableException e) {
            var detail = integrations.get(integrationId)
                    .orElseThrow(() -> new NoSuchElementException("No integration " + integrationId));
            if (credential == null) {
                String typed = request.organization() == null ? "" : request.organization().strip();
                return runner.refused(integrationId, detail.data().name(),
                        e.reason() == SecretUnreadableException.Reason.NOT_FOR_THIS_PLACE
                                ? CheckCategory.SECRET_NOT_FOR_THIS_INTEGRATION : CheckCategory.SECRET_UNREADABLE,
                        typed.isEmpty() || typed.equalsIgnoreCase(detail.data().organization())
                                ? detail.data().organization() : typed);
            }
            stored = new StoredCredentials(integrationId, detail.data().name(), detail.method(),
                    detail.data().organization(), null, detail.tokenSetAt(), detail.data().tokenExpiresOn(), null,
                    null, detail.ssh() == null ? null : detail.ssh().testRepository(),
                    detail.ssh() != null ? detail.ssh().setAt() : detail.tokenSetAt());
        } catch (RuntimeException e) {
            wipe(credential);
            throw e;
        }
        if (credential != null && credential.method() != stored.method()) {
            wipe(credential);
            stored.wipe();
            throw new IllegalArgumentException("A " + credential.method().label() + " credential cannot test"
                    + " an integration that uses " + stored.method().label());
        }
        String typedOrganization = request.organization() == null ? null : request.organization().strip();
        String organizationOverride = typedOrganization == null
                || typedOrganization.equalsIgnoreCase(stored.organization()) ? null : typedOrganization;
        String testRepositoryOverride = stored.method() != AuthMethod.SSH || request.testRepository() == null
                || request.testRepository().strip().equals(stored.testRepository()) ? null
                : request.testRepository().strip();
        Secret tokenOverride = credential instanceof AccessTokenInput t ? t.token() : null;
        SshKeyInput keyOverride = credential instanceof SshKeyInput k ? k : null;
        String organization = organizationOverride != null ? organizationOverride : stored.organization();
        boolean asSaved = organizationOverride == null && testRepositoryOverride == null && tokenOverride == null
                && keyOverride == null;
        Target target = Target.integration(integrationId, stored.name());
        UUID storeFor = asSaved ? integrationId : null;
        String key = "integration:" + integrationId;
        if (stored.method() == AuthMethod.SSH) {
            String repository = testRepositoryOverride != null ? testRepositoryOverride : stored.testRepository();
            Secret privateKey = keyOverride != null ? keyOverride.privateKey() : stored.sshKey();
            Secret passphrase = keyOverride != null ? keyOverride.passphrase() : stored.sshPassphrase();
            if (keyOverride != null) {
                wipe(stored.sshKey(), stored.sshPassphrase());
            }
            wipe(stored.token());
            KeyCheckInput input = new KeyCheckInput(organization, repository, privateKey, passphrase,
                    CheckFingerprint.ofKey(organization, repository, privateKey, passphrase));
            return runner.start(key, target, storeFor, organization, repository, stored.credentialSetAt(),
                    input.fingerprint(), failsLocally(organization), c -> keyChecker.check(input, c),
                    () -> wipe(privateKey, passphrase));
        }
        Secret token = tokenOverride != null ? tokenOverride : stored.token();
        if (tokenOverride != null) {
            wipe(stored.token());
        }
        wipe(stored.sshKey(), stored.sshPassphrase());
        CheckInput input = new CheckInput(organization, token, stored.tokenExpiresOn(),
                CheckFingerprint.of(organization, token));
        return runner.start(key, target, storeFor, organization, null, stored.credentialSetAt(), input.fingerprint(),
                failsLocally(organization, token), c -> checker.check(input, c), () -> wipe(token));
    }

    /**
     * Keeps the result of a form test for the integration that form just created, when it tested exactly
     * the values now stored (same fingerprint of organization and credential): the user need not test twice.
     * Returns whether it was kept.
     */
    @PreAuthorize(Roles.EDITOR_OR_ADMIN)
    public boolean keepFormResult(UUID integrationId, CheckResult result) {
        if (result == null || result.fingerprint() == null || result.category() == CheckCategory.CANCELLED
                || result.steps().isEmpty()) {
            return false;
        }
        StoredCredentials stored = integrations.credentialsForTest(integrationId).orElse(null);
        if (stored == null) {
            return false;
        }
        try {
            String fingerprint = stored.method() == AuthMethod.SSH
                    ? stored.sshKey() == null ? null : CheckFingerprint.ofKey(stored.organization(),
                            stored.testRepository(), stored.sshKey(), stored.sshPassphrase())
                    : stored.token() == null ? null : CheckFingerprint.of(stored.organization(), stored.token());
            if (!result.fingerprint().equals(fingerprint)) {
                return false;
            }
        } finally {
            stored.wipe();
        }
        return store.insert(new CheckRecord(UUID.randomUUID(), integrationId, result.startedAt(), CheckTrigger.MANUAL,
                CurrentUser.username(), result.category(), result.durationMillis(), result.organization(),
                stored.credentialSetAt(), stored.method() == AuthMethod.SSH ? stored.testRepository() : null,
                result.identity(), result.projectCount(), result.repositoryCount(), result.steps(),
                result.decisive()));
    }

    /** The newest stored result of each of these integrations that has one. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public Map<UUID, LatestCheck> latest(Collection<UUID> integrationIds) {
        return store.latest(integrationIds);
    }

    /** Stored results of one integration, newest first. */
    @PreAuthorize(Roles.ANY_SIGNED_IN)
    public List<CheckRecord> history(UUID integrationId, int limit) {
        return store.history(integrationId, limit);
    }

    /**
     * Whether the checker's own local checks (organization name, token format) refuse these values: then it sends
     * nothing, so the test runs at once, outside the limits, and does not count against them.
     */
    private static boolean failsLocally(String organization, Secret token) {
        if (failsLocally(organization)) {
            return true;
        }
        String typed = token == null ? "" : IntegrationRules.normaliseToken(token.reveal());
        return typed.isEmpty() || IntegrationRules.tokenProblem(typed).isPresent();
    }

    /** The SSH checker's first local check, the organization name (the key is parsed within the limits). */
    private static boolean failsLocally(String organization) {
        return IntegrationRules.organizationProblem(organization == null ? "" : organization.strip()).isPresent();
    }

    private static void wipe(Secret... secrets) {
        for (Secret s : secrets) {
            if (s != null) {
                s.wipe();
            }
        }
    }
}
