package com.infrakitchen.console.integration.azuredevops.ssh;

import static com.infrakitchen.console.integration.azuredevops.ssh.SshFormat.blankToNull;

import com.infrakitchen.console.integration.check.HttpDetails;
import org.jspecify.annotations.Nullable;

/**
 * How an SSH exchange with Azure DevOps is named in a report, the same for the SSH check and the Repositories tab's
 * branch listing: the server as {@code ssh://user@host[:port]}, and the decisive exchange's details.
 */
final class SshExchange {

    private SshExchange() {
    }

    /** {@code ssh://user@host[:port]}: the decisive exchange's URL before the repository path. */
    static String server(SshProperties properties) {
        return "ssh://" + properties.user() + "@" + properties.host()
                + (properties.port() == 22 ? "" : ":" + properties.port());
    }

    /** The decisive exchange: its URL, what the server said on stderr (if anything), and the error. */
    static HttpDetails details(String url, @Nullable String remote, @Nullable String error) {
        return new HttpDetails("SSH", url, null, null, blankToNull(remote), null, null, null, error);
    }
}
