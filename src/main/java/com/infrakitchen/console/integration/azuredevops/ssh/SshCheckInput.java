package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.secret.Secret;
import java.util.Optional;

/**
 * What an SSH test tests: the organization, the test repository ({@code project/repository}) and the key with its
 * passphrase, exactly as the form holds them (unsaved) or as stored. The checker does not keep the secrets after it
 * returns; the caller wipes them.
 *
 * @param passphrase  the key's passphrase, null or empty when the key is not encrypted
 * @param fingerprint binds the result to these values (see {@code CheckFingerprint}); passed through unchanged
 */
public record SshCheckInput(String organization, String project, String repository, Secret privateKey,
        Secret passphrase, String fingerprint) {

    /** Most characters in a project or repository name (docs/azure-devops.md 6.2). */
    public static final int NAME_MAX = 64;
    private static final String FORBIDDEN = "/:\\~&%;@'\"?<>|#$*}{,+=[]";

    /** From the form's Test Repository field, {@code project/repository}. */
    public static SshCheckInput withTestRepository(String organization, String testRepository, Secret privateKey,
            Secret passphrase, String fingerprint) {
        String value = testRepository == null ? "" : testRepository.strip();
        int slash = value.indexOf('/');
        String project = slash < 0 ? "" : value.substring(0, slash).strip();
        String repository = slash < 0 ? value : value.substring(slash + 1).strip();
        return new SshCheckInput(organization, project, repository, privateKey, passphrase, fingerprint);
    }

    /** Why this project and repository cannot be asked for, or empty when they can. */
    public static Optional<String> repositoryProblem(String project, String repository) {
        if (project == null || project.isBlank() || repository == null || repository.isBlank()) {
            return Optional.of("Test Repository is required, as project/repository (for example Web/web-app)");
        }
        for (String name : new String[] {project, repository}) {
            Optional<String> problem = nameProblem(name.strip());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nameProblem(String name) {
        if (name.length() > NAME_MAX) {
            return Optional.of("Test Repository: names have at most " + NAME_MAX + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("Test Repository must be project/repository; project and repository names cannot"
                        + " contain " + (Character.isISOControl(c) ? "control characters" : "'" + c + "'"));
            }
        }
        if (name.startsWith("_") || name.startsWith(".") || name.endsWith(".")) {
            return Optional.of("Test Repository: names cannot start with '_' or '.', or end with '.'");
        }
        return Optional.empty();
    }
}
