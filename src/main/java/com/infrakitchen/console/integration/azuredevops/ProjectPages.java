package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Counts the projects the token sees (docs/azure-devops.md 7.1): the first page is the authentication request itself
 * ({@code $top=100}), each further page is asked with the continuation token the previous one sent in
 * {@code X-MS-ContinuationToken}, one after another, at most {@link #MAX_PAGES} pages in all. Up to 100 projects
 * cost no extra request; past the bound, or when a later page fails, the count is what was seen and says so, and
 * is never shown as the total.
 */
final class ProjectPages {

    /** At most this many pages are read, the first included: 1,000 projects at 100 a page. */
    static final int MAX_PAGES = 10;

    /**
     * @param seen     projects in the pages read
     * @param complete whether every page was read, so {@code seen} is the total
     * @param pages    pages read
     * @param millis   the pages' durations, added up
     * @param why      when not complete, why the count stopped
     */
    record Count(int seen, boolean complete, int pages, long millis, @Nullable String why) {
    }

    private ProjectPages() {
    }

    /** Projects in a passed page: the streamed listing's entries, or a small answer's {@code value}. */
    static int entries(AdoResponse page) {
        return page.listing() != null ? page.listing().entries() : page.json().path("value").size();
    }

    /** The next page's token ({@code X-MS-ContinuationToken}), or null when this was the last page. */
    static @Nullable String continuation(AdoResponse page) {
        String token = page.continuationToken();
        return token == null || token.isBlank() ? null : token.strip();
    }

    /**
     * The count, starting from the first page (which passed); {@code next} sends the page a continuation token
     * names. Never fails: a page that fails ends the count where it is.
     */
    static CompletableFuture<Count> count(AdoResponse first, int maxPages,
            Function<String, CompletableFuture<Exchange>> next) {
        if (first.listing() != null && !first.listing().complete()) {
            return done(new Count(entries(first), false, 1, first.durationMillis(),
                    "the first page was larger than app.azure-devops.max-listing-bytes"));
        }
        return more(new Count(entries(first), false, 1, first.durationMillis(), null), continuation(first), maxPages,
                next);
    }

    private static CompletableFuture<Count> more(Count so, @Nullable String token, int maxPages,
            Function<String, CompletableFuture<Exchange>> next) {
        if (token == null) {
            return done(new Count(so.seen(), true, so.pages(), so.millis(), null));
        }
        if (so.pages() >= maxPages) {
            return done(stopped(so, 0, 0, "the count stops after " + PatSteps.plural(so.pages(), "page", "", "s")
                    + " of " + AzureDevOpsUrls.PROJECTS_PAGE));
        }
        int page = so.pages() + 1;
        return next.apply(token).thenCompose(e -> {
            if (e.error() != null) {
                return done(stopped(so, 0, e.durationMillis(), "page " + page + " failed: "
                        + TransportFailures.describe(e.error())));
            }
            AdoResponse r = e.response();
            if (!ResponseClassifier.classify(Probe.PROJECTS, r).passed()) {
                return done(stopped(so, 0, r.durationMillis(), "page " + page + " answered " + r.status()));
            }
            if (r.listing() != null && !r.listing().complete()) {
                return done(stopped(so, entries(r), r.durationMillis(), "page " + page
                        + " was larger than app.azure-devops.max-listing-bytes"));
            }
            return more(new Count(so.seen() + entries(r), false, page, so.millis() + r.durationMillis(), null),
                    continuation(r), maxPages, next);
        });
    }

    private static Count stopped(Count so, int more, long millis, String why) {
        return new Count(so.seen() + more, false, so.pages() + (more > 0 ? 1 : 0), so.millis() + millis, why);
    }

    private static CompletableFuture<Count> done(Count count) {
        return CompletableFuture.completedFuture(count);
    }
}
