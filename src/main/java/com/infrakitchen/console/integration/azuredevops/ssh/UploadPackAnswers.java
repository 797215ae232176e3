package com.infrakitchen.console.integration.azuredevops.ssh;

import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an answer to the Git request says about the key, in the words of the Repository step: a reference list
 * proves access (how many references, where HEAD points), a bare flush with a clean exit is an empty repository,
 * and anything else is a refusal named by {@link RemoteMessages}' table or an unexpected response. Cancellation,
 * time bounds and broken requests come first and are the checker's to report.
 */
final class UploadPackAnswers {

    /**
     * A refused request: its category and summary, and the decisive exchange's server message (null when blank)
     * and error (what came instead of pkt-lines, or null).
     */
    record Refusal(CheckCategory category, String summary, @Nullable String message, @Nullable String error) {
    }

    private UploadPackAnswers() {
    }

    /** The summary of a reference list of {@code repo} ({@code project/repository}). */
    static String proof(PktLines.Advertisement advertisement, String repo) {
        if (advertisement.refs() == 0) {
            return "The server sent the reference list of " + repo + ": the repository exists and is empty."
                    + " The key may read it.";
        }
        return "The server sent the reference list of " + repo + " (" + advertisement.refs()
                + (advertisement.truncated() ? "+" : "") + " reference" + (advertisement.refs() == 1 ? "" : "s")
                + (advertisement.headTarget() != null ? "; HEAD is " + advertisement.headTarget() : "")
                + "). The key may read it.";
    }

    /** The summary of {@link UploadPackProbe.NotAdvertised#emptyRepository()}. */
    static String emptyRepository(String repo) {
        // Git's own upload-pack (protocol v0) answers an empty repository with a flush alone.
        return "The server sent an empty reference list for " + repo + " and ended cleanly: the repository exists"
                + " and is empty. The key may read it.";
    }

    /** A refusal of {@code repo}; {@code md5Hex} is the key's MD5 fingerprint as Azure DevOps lists it. */
    static Refusal refusal(UploadPackProbe.NotAdvertised answer, String repo, String md5Hex) {
        PktLines.Advertisement advertisement = answer.advertisement();
        String remote = answer.remote();
        Integer exit = answer.exit();
        String message = advertisement.error() != null ? advertisement.error() + "\n" + remote : remote;
        Optional<RemoteMessages.Rule> rule = RemoteMessages.classify(message);
        CheckCategory category;
        String summary;
        if (rule.isPresent()) {
            category = rule.get().category();
            summary = rule.get().summary().replace("{repo}", repo).replace("{md5}", md5Hex);
        } else {
            category = CheckCategory.SSH_UNEXPECTED_RESPONSE;
            summary = advertisement.unexpected() != null
                    ? "Instead of a Git reference list the server sent \"" + advertisement.unexpected() + "\"."
                    : "The server sent no Git reference list" + (exit == null ? "" : " (exit status " + exit + ")")
                            + (remote.isBlank() ? "." : "; its message is shown below.");
        }
        String error = advertisement.unexpected() != null ? "unexpected output: " + advertisement.unexpected() : null;
        String shown = message.strip();
        return new Refusal(category, summary, shown.isBlank() ? null : shown, error);
    }
}
