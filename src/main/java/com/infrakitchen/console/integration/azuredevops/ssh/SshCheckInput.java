package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsRules;
import com.infrakitchen.console.secret.Secret;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an SSH test tests: the organization, the test repository ({@code project/repository}) and the key with its
 * passphrase, exactly as the form holds them (unsaved) or as stored. The checker does not keep the secrets after it
 * returns; the caller wipes them.
 *
 * @param passphrase  the key's passphrase, null or empty when the key is not encrypted
 * @param fingerprint binds the result to these values (see {@code CheckFingerprint}); passed through unchanged
 */
public record SshCheckInput(@Nullable String organization, @Nullable String project, @Nullable String repository,
        @Nullable Secret privateKey, @Nullable Secret passphrase, String fingerprint) {


    /** From the form's Test Repository field, {@code project/repository}. */
    public static SshCheckInput withTestRepository(@Nullable String organization, @Nullable String testRepository,
            @Nullable Secret privateKey, @Nullable Secret passphrase, String fingerprint) {
        String value = testRepository == null ? "" : testRepository.strip();
        int slash = value.indexOf('/');
        String project = slash < 0 ? "" : value.substring(0, slash).strip();
        String repository = slash < 0 ? value : value.substring(slash + 1).strip();
        return new SshCheckInput(organization, project, repository, privateKey, passphrase, fingerprint);
    }

    /** Why this project and repository cannot be asked for, or empty when they can. */
    public static Optional<String> repositoryProblem(@Nullable String project, @Nullable String repository) {
        return AzureDevOpsRules.repositoryProblem(project, repository);
    }
}
