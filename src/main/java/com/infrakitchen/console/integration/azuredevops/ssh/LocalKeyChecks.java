package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsRules;
import com.infrakitchen.console.integration.azuredevops.AzureKeyPolicy;
import com.infrakitchen.console.integration.check.CheckStep;
import com.infrakitchen.console.integration.check.StepStatus;
import com.infrakitchen.console.integration.credential.ssh.ParsedKey;
import com.infrakitchen.console.integration.credential.ssh.SshKeyRuleViolation;
import com.infrakitchen.console.integration.credential.ssh.SshKeys;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first step of an SSH check, {@link SshChecker#STEP_LOCAL}: the organization and test repository names and
 * the key are judged here, before anything is sent. A key that passes comes back parsed for the check (decrypted
 * once, {@link SshKeys#parseForCheck}) and its facts are the step's summary; a broken key rule picks the category.
 */
final class LocalKeyChecks {

    /**
     * The step, and either the key (wipe it when done) or, when the step failed, the category of the result.
     */
    record Outcome(CheckStep step, @Nullable ParsedKey key, @Nullable CheckCategory failure) {
    }

    private LocalKeyChecks() {
    }

    static Outcome run(String org, String project, String repository, @Nullable Secret privateKey,
            @Nullable Secret passphrase) {
        long t = System.nanoTime();
        Optional<String> orgProblem = AzureDevOpsRules.organizationProblem(org);
        if (orgProblem.isPresent()) {
            return failed(orgProblem.get(), CheckCategory.INVALID_ORGANIZATION_NAME, t);
        }
        Optional<String> repoProblem = SshCheckInput.repositoryProblem(project, repository);
        if (repoProblem.isPresent()) {
            return failed(repoProblem.get(), CheckCategory.SSH_NO_REPOSITORY, t);
        }
        if (privateKey == null || privateKey.length() == 0) {
            return failed("No SSH private key was given.", CheckCategory.SSH_NO_KEY, t);
        }
        ParsedKey key;
        try {
            key = SshKeys.parseForCheck(privateKey, passphrase, AzureKeyPolicy.INSTANCE);
        } catch (SshKeyRuleViolation v) {
            String why = v.getMessage();
            return failed(why.endsWith(".") ? why : why + ".", category(v.problem()), t);
        }
        return new Outcome(new CheckStep(SshChecker.STEP_LOCAL, StepStatus.PASSED, "An " + key.description()
                + "-bit key, " + key.sha256Fingerprint() + " (" + key.md5Fingerprint() + ")"
                + (key.encrypted() ? ", encrypted; the passphrase decrypts it" : "") + ". Test repository: "
                + project + "/" + repository + ".", millisSince(t), null), key, null);
    }

    /** The result category of a broken key rule. */
    static CheckCategory category(SshKeyRuleViolation.Problem problem) {
        return switch (problem) {
            case MISSING -> CheckCategory.SSH_NO_KEY;
            case UNSUPPORTED_TYPE, TOO_SMALL -> CheckCategory.SSH_UNSUPPORTED_KEY_TYPE;
            case PASSPHRASE_REQUIRED -> CheckCategory.SSH_PASSPHRASE_REQUIRED;
            case WRONG_PASSPHRASE -> CheckCategory.SSH_WRONG_PASSPHRASE;
            case TOO_LARGE, PUBLIC_KEY, PUTTY, INVALID, UNSUPPORTED_ENCRYPTION -> CheckCategory.SSH_INVALID_KEY;
        };
    }

    private static Outcome failed(String why, CheckCategory category, long t) {
        return new Outcome(new CheckStep(SshChecker.STEP_LOCAL, StepStatus.FAILED, why, millisSince(t), null), null,
                category);
    }

    private static long millisSince(long nanos) {
        return Math.max(0, (System.nanoTime() - nanos) / 1_000_000);
    }
}
