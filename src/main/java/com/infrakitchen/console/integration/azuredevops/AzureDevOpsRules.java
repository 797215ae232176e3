package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.shared.TextLimits;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Azure DevOps' rules for what a user types (docs/product.md 4, docs/azure-devops.md 6): the organization name and
 * the URLs it can be pasted from, the personal access token's format, the test repository's names. The form uses
 * them through {@link AzureDevOpsProvider} for field limits and live messages; the service applies them again
 * before anything is stored, and the checkers before anything is sent. Messages never echo a secret.
 */
public final class AzureDevOpsRules {

    public static final int ORGANIZATION_MAX = 50;
    public static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?");
    public static final String ORGANIZATION_RULE = "the name from https://dev.azure.com/<organization-name>/:"
            + " 1 to 50 letters, digits or hyphens, starting and ending with a letter or digit";

    public static final int TOKEN_MIN = 20;
    public static final int TOKEN_MAX = 1024;
    /** Azure DevOps PATs seen in the wild: 52 characters (legacy) or 84 (since 2024). */
    public static final List<Integer> USUAL_TOKEN_LENGTHS = List.of(52, 84);

    private static final Pattern ORG_FROM_DEV_AZURE = Pattern.compile(
            "^(?:https?://)?dev\\.azure\\.com/([^/?#\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORG_FROM_VISUALSTUDIO = Pattern.compile(
            "^(?:https?://)?([^./?#\\s]+)\\.visualstudio\\.com(?:[/?#].*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORG_FROM_SSH = Pattern.compile(
            "^(?:ssh://)?(?:[^@\\s]+@)?(?:vs-)?ssh\\.dev\\.azure\\.com[:/](?:v3/)?([^/\\s]+)",
            Pattern.CASE_INSENSITIVE);

    /** {@code project/repository}: two names of at most 64 characters and the slash. */
    public static final int TEST_REPOSITORY_MAX = 130;
    /** Most characters in a project or repository name (docs/azure-devops.md 6.2). */
    public static final int NAME_MAX = 64;
    private static final String FORBIDDEN = "/:\\~&%;@'\"?<>|#$*}{,+=[]";

    private AzureDevOpsRules() {
    }

    // ---- organization ---------------------------------------------------------------------------

    /**
     * The organization name from what was typed or pasted: a bare name, or any of
     * {@code https://dev.azure.com/contoso/...}, {@code https://contoso.visualstudio.com},
     * {@code git@ssh.dev.azure.com:v3/contoso/...}. Anything else is returned trimmed, for the rule to
     * judge.
     */
    public static String organizationFrom(@Nullable String input) {
        if (input == null) {
            return "";
        }
        String s = input.strip();
        for (Pattern p : List.of(ORG_FROM_DEV_AZURE, ORG_FROM_SSH, ORG_FROM_VISUALSTUDIO)) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                return m.group(1);
            }
        }
        return s;
    }

    public static Optional<String> organizationProblem(@Nullable String organization) {
        if (organization == null || organization.isEmpty()) {
            return Optional.of("Azure Organization is required");
        }
        if (organization.length() > ORGANIZATION_MAX) {
            return Optional.of(TextLimits.tooLong("Azure Organization", TextLimits.length(organization),
                    ORGANIZATION_MAX) + ": " + ORGANIZATION_RULE);
        }
        if (!ORGANIZATION.matcher(organization).matches()) {
            return Optional.of("Azure Organization must be " + ORGANIZATION_RULE);
        }
        return Optional.empty();
    }

    // ---- token ----------------------------------------------------------------------------------

    /** Leading and trailing whitespace (a pasted line break) is dropped. */
    public static String normaliseToken(@Nullable String raw) {
        return raw == null ? "" : raw.strip();
    }

    /** Null when acceptable, else the message (which never contains the token). */
    public static Optional<String> tokenProblem(String normalisedToken) {
        if (normalisedToken.isEmpty()) {
            return Optional.of("Azure Access Token is required");
        }
        if (normalisedToken.length() > TOKEN_MAX) {
            return Optional.of(TextLimits.tooLong("Azure Access Token", TextLimits.length(normalisedToken), TOKEN_MAX)
                    + ": Azure DevOps tokens have 52 or 84. Copy it again from Azure DevOps");
        }
        for (int i = 0; i < normalisedToken.length(); i++) {
            char c = normalisedToken.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("Azure Access Token must not contain spaces or line breaks (found one at"
                        + " position " + (i + 1) + "): copy it again from Azure DevOps");
            }
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("Azure Access Token contains a character that cannot be in a token (at position "
                        + (i + 1) + "): copy it again from Azure DevOps");
            }
        }
        if (normalisedToken.length() < TOKEN_MIN) {
            return Optional.of("Azure Access Token is too short (" + normalisedToken.length()
                    + " characters): Azure DevOps tokens have 52 or 84");
        }
        return Optional.empty();
    }

    /** A warning (not an error) for a token of unusual length. */
    public static Optional<String> tokenWarning(String normalisedToken) {
        if (tokenProblem(normalisedToken).isEmpty() && !USUAL_TOKEN_LENGTHS.contains(normalisedToken.length())) {
            return Optional.of("Unusual length (" + normalisedToken.length() + " characters; Azure DevOps"
                    + " tokens have 52 or 84). Check that the whole token was copied.");
        }
        return Optional.empty();
    }

    // ---- test repository ------------------------------------------------------------------------

    /** Why {@code project/repository} (trimmed) cannot be asked for, or empty when it can. */
    public static Optional<String> testRepositoryProblem(@Nullable String testRepository) {
        String value = testRepository == null ? "" : testRepository.strip();
        if (value.length() > TEST_REPOSITORY_MAX) {
            return Optional.of(TextLimits.tooLong("Test Repository", TextLimits.length(value), TEST_REPOSITORY_MAX));
        }
        int slash = value.indexOf('/');
        return slash < 0 ? repositoryProblem("", value)
                : repositoryProblem(value.substring(0, slash).strip(), value.substring(slash + 1).strip());
    }

    /** Why this project and repository cannot be asked for, or empty when they can. */
    public static Optional<String> repositoryProblem(@Nullable String project, @Nullable String repository) {
        if (project == null || project.isBlank() || repository == null || repository.isBlank()) {
            return Optional.of("Test Repository is required, as project/repository (for example Web/web-app)");
        }
        for (String name : new String[] {project, repository}) {
            Optional<String> problem = repositoryNameProblem(name.strip());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> repositoryNameProblem(String name) {
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
