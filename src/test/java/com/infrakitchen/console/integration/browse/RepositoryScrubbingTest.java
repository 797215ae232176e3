package com.infrakitchen.console.integration.browse;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.check.SecretRedaction;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the Repositories tab shows of a failure never holds a piece of the token, even when a server echoes it (in
 * its message, in the Basic header's form, in a URL): the tab is open to viewers, who must not learn it.
 */
class RepositoryScrubbingTest {

    private static final String TOKEN = FakeTokens.PAT_FULL;
    private static final String BASIC = Base64.getEncoder().encodeToString((":" + TOKEN)
            .getBytes(StandardCharsets.UTF_8));

    private static ListingFailure echoing() {
        return new ListingFailure(CheckCategory.TOKEN_REJECTED, "contoso",
                "Azure DevOps refused the token " + TOKEN + " for contoso.",
                new HttpDetails("GET", "https://dev.azure.com/contoso/_apis/projects?t=" + TOKEN.substring(3, 20), 401,
                        "application/json", "Invalid credentials: Basic " + BASIC + " (" + TOKEN + ")", "act-1",
                        null, null, "echo " + TOKEN.substring(10)), 5);
    }

    @Test
    void aFailureAndAPagesProblemLoseEveryPieceOfTheTokenAndKeepTheRest() {
        SecretRedaction redaction = SecretRedaction.of(List.of(
                new AccessTokenInput(Secret.of(TOKEN), null).transmittedSecrets().getFirst()));
        try {
            ListingFailure f = (ListingFailure) RepositoryService.scrubbed(echoing(), redaction);
            ProjectPage page = (ProjectPage) RepositoryService.scrubbed(new ProjectPage(List.of(), null, echoing()),
                    redaction);
            for (ListingFailure shown : List.of(f, page.problem())) {
                String all = String.join("\n", shown.summary(), shown.details().url(), shown.details().serverMessage(),
                        shown.details().error());
                for (int i = 0; i + 8 <= TOKEN.length(); i++) {
                    assertThat(all).doesNotContain(TOKEN.substring(i, i + 8));
                }
                assertThat(all).doesNotContain(BASIC.substring(4, 16));
                assertThat(shown.summary()).startsWith("Azure DevOps refused the token").endsWith(" for contoso.");
                assertThat(shown.details().status()).isEqualTo(401);
                assertThat(shown.details().activityId()).isEqualTo("act-1");
                assertThat(shown.category()).isEqualTo(CheckCategory.TOKEN_REJECTED);
            }
        } finally {
            redaction.wipe();
        }
    }
}
