package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.check.StepStatus;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Counting projects page by page (docs/azure-devops.md 7.1): bounded, and never a partial count shown as the total. */
class ProjectPagesTest {

    static AdoResponse page(int entries, String continuation) {
        return ResponseClassifierTest.listing(new Listing(entries, (long) entries, true, 100L * entries),
                continuation);
    }

    static CompletableFuture<Exchange> answered(AdoResponse r) {
        return CompletableFuture.completedFuture(new Exchange(r.url(), r, null, 5));
    }

    @Test
    void aSinglePageIsTheTotalWithoutAnotherRequest() {
        List<String> asked = new ArrayList<>();
        var count = ProjectPages.count(page(2, null), ProjectPages.MAX_PAGES, t -> {
            asked.add(t);
            return answered(page(1, null));
        }).join();
        assertThat(count.complete()).isTrue();
        assertThat(count.seen()).isEqualTo(2);
        assertThat(asked).isEmpty();
    }

    @Test
    void pagesAreFollowedByTheirContinuationTokenUpToTheBound() {
        List<String> asked = new ArrayList<>();
        // a server that always has more: the count stops after MAX_PAGES pages and says "at least"
        var count = ProjectPages.count(page(100, "100"), ProjectPages.MAX_PAGES, t -> {
            asked.add(t);
            return answered(page(100, Integer.toString(Integer.parseInt(t) + 100)));
        }).join();
        assertThat(asked).hasSize(ProjectPages.MAX_PAGES - 1).startsWith("100", "200");
        assertThat(count.complete()).isFalse();
        assertThat(count.seen()).isEqualTo(100 * ProjectPages.MAX_PAGES);
        var step = PatSteps.projects("bigorg", count, page(100, "100"));
        assertThat(step.status()).isEqualTo(StepStatus.PASSED);
        assertThat(step.summary()).isEqualTo("The token is valid for bigorg and may read projects: it sees at least"
                + " 1000 projects (the count stops after 10 pages of 100).");
    }

    @Test
    void aPageThatFailsEndsTheCountWhereItIsWithTheReason() {
        var count = ProjectPages.count(page(100, "100"), ProjectPages.MAX_PAGES, t -> CompletableFuture
                .completedFuture(new Exchange("u", null, new SocketTimeoutException("timeout"), 10))).join();
        assertThat(count.complete()).isFalse();
        assertThat(count.seen()).isEqualTo(100);
        assertThat(count.why()).isEqualTo("page 2 failed: SocketTimeoutException: timeout");
    }

    @Test
    void aPageThatIsNotAListingEndsTheCountToo() throws IOException {
        AdoResponse error = ResponseClassifierTest.json(500, "{\"message\":\"TF400898: An Internal Error Occurred.\"}");
        var count = ProjectPages.count(page(100, "100"), ProjectPages.MAX_PAGES, t -> answered(error)).join();
        assertThat(count.complete()).isFalse();
        assertThat(count.why()).isEqualTo("page 2 answered 500");
    }
}
