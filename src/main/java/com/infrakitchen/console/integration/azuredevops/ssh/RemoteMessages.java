package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Azure DevOps writes to stderr (or in an {@code ERR} pkt-line) when it refuses a Git request over SSH
 * (docs/azure-devops.md 8.2, 8.3), as a table: first match wins, one test per row. The exit status is not used: it is
 * not documented (docs/azure-devops.md 8.3).
 */
final class RemoteMessages {

    /** {@code {repo}} and {@code {md5}} in a summary are filled in by the checker. */
    record Rule(String name, Pattern pattern, CheckCategory category, String summary) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("conditional-access", Pattern.compile("VS403463"), CheckCategory.CONDITIONAL_ACCESS_BLOCKED,
                    "Azure DevOps refused the request under the organization's Conditional Access or IP policy."),
            new Rule("sha1-refused",
                    Pattern.compile("ERROR_SSH_UNSUPPORTED_CIPHER|using ssh-rsa|ado-ssh-rsa-deprecation"),
                    CheckCategory.SSH_SHA1_REFUSED,
                    "Azure DevOps refused the session because it was signed with SHA-1 (ssh-rsa)."),
            new Rule("key-not-registered", Pattern.compile("Public key authentication failed"),
                    CheckCategory.SSH_KEY_NOT_REGISTERED,
                    "Azure DevOps does not accept this key for the organization: it is not registered, belongs to"
                            + " a user outside the organization, or expired. Its MD5 fingerprint, as the SSH public"
                            + " keys page shows it, is {md5}."),
            new Rule("repository-not-found", Pattern.compile("TF401019"), CheckCategory.SSH_REPOSITORY_NOT_FOUND,
                    "Azure DevOps says {repo} does not exist, or the key's user may not read it (the key itself"
                            + " was accepted)."),
            new Rule("shell-greeting", Pattern.compile("Shell access is not supported"),
                    CheckCategory.SSH_UNEXPECTED_RESPONSE,
                    "The server answered the Git request with the shell greeting (\"Shell access is not"
                            + " supported\"), which proves nothing about the key."));

    private RemoteMessages() {
    }

    static Optional<Rule> classify(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return RULES.stream().filter(rule -> rule.pattern().matcher(text).find()).findFirst();
    }
}
