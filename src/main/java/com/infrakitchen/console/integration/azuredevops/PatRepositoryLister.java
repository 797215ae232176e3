package com.infrakitchen.console.integration.azuredevops;

import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.Exchange;
import com.infrakitchen.console.integration.azuredevops.AzureDevOpsHttp.ReadMode;
import com.infrakitchen.console.integration.azuredevops.ResponseClassifier.Classification;
import com.infrakitchen.console.integration.browse.RepositoryLister;
import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.Project;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.browse.RepositoryListing.RepositoryInfo;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.HttpDetails;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Repositories tab for a personal access token (docs/azure-devops.md 7): one page of the organization's projects
 * ({@code $top}, then the {@code X-MS-ContinuationToken} the page answered with, sent back as {@code
 * continuationToken}), then the repositories of each of those projects, all at once, each listing read as a stream.
 * Answers are judged by {@link ResponseClassifier} and {@link TransportFailures}, so a failure has the category and
 * headline Test Connection gives it. The same rules as the check: fresh connections for the page, no redirects, no
 * retries, the token only in a header.
 */
@Component
class PatRepositoryLister implements RepositoryLister<AccessTokenInput> {

    /** {@code app.azure-devops.projects-per-page}: the projects of one page, each costing one repositories request. */
    static final int DEFAULT_PROJECTS_PER_PAGE = 50;

    private final AzureDevOpsHttp http;
    private final int projectsPerPage;

    PatRepositoryLister(AzureDevOpsHttp http,
            @Value("${app.azure-devops.projects-per-page:" + DEFAULT_PROJECTS_PER_PAGE + "}") int projectsPerPage) {
        if (projectsPerPage < 1) {
            throw new IllegalArgumentException("app.azure-devops.projects-per-page must be at least 1");
        }
        this.http = http;
        this.projectsPerPage = projectsPerPage;
    }

    @Override
    public String provider() {
        return AzureDevOpsProvider.ID;
    }

    @Override
    public Class<AccessTokenInput> credentialType() {
        return AccessTokenInput.class;
    }

    @Override
    public RepositoryListing list(String organization, AccessTokenInput credential, @Nullable String continuation,
            Cancellation cancellation) {
        String org = organization.strip();
        String token = AzureDevOpsChecker.typed(credential.token());
        PatSteps.Local local = PatSteps.local(org, token);
        if (local.failure() != null) {
            return new ListingFailure(local.failure(), org, local.step().summary(), null, 0);
        }
        return listWith(org, token, AzureDevOpsHttp.Scheme.BASIC, continuation, cancellation);
    }

    /** One page listed with {@code token} sent as {@code scheme} (a service principal's Entra token as Bearer). */
    RepositoryListing listWith(String org, String token, AzureDevOpsHttp.Scheme scheme, @Nullable String continuation,
            Cancellation cancellation) {
        try (AzureDevOpsHttp.Connections connections = http.connections(true, scheme)) {
            return new Page(org, token, continuation, cancellation, connections).load();
        }
    }

    /** One page's requests; filled on OkHttp's threads, read after each answer's future completed. */
    private final class Page {
        private final String org;
        private final String token;
        private final @Nullable String continuation;
        private final Cancellation cancellation;
        private final AzureDevOpsHttp.Connections connections;
        private final AzureDevOpsUrls urls = new AzureDevOpsUrls(http.baseUrl());
        private final String session = UUID.randomUUID().toString();
        private final long start = System.nanoTime();

        Page(String org, String token, @Nullable String continuation, Cancellation cancellation,
                AzureDevOpsHttp.Connections connections) {
            this.org = org;
            this.token = token;
            this.continuation = continuation;
            this.cancellation = cancellation;
            this.connections = connections;
        }

        RepositoryListing load() {
            List<JsonNode> projects = new ArrayList<>();
            Exchange e = send(urls.projectsPage(org, projectsPerPage, continuation), projects::add).join();
            ListingFailure failed = failure(e, Probe.PROJECTS);
            if (failed != null) {
                return failed;
            }
            AdoResponse r = e.response();
            if (r.listing() == null) {
                r.json().path("value").forEach(projects::add);
            } else if (!r.listing().complete()) {
                return new ListingFailure(CheckCategory.RESPONSE_TOO_LARGE, org, "The projects page was larger than"
                        + " app.azure-devops.max-listing-bytes.", r.details(), millis());
            }
            String next = r.continuationToken() == null || r.continuationToken().isBlank() ? null
                    : r.continuationToken().strip();
            ListingFailure problem = null;
            if (next != null && next.equals(continuation)) {
                // the same page again would follow: stop rather than loop
                problem = new ListingFailure(CheckCategory.UNEXPECTED_RESPONSE, org, "Azure DevOps answered with the"
                        + " continuation token it was sent (" + next + "); paging stopped here.", r.details(),
                        millis());
                next = null;
            }
            List<Project> page = new ArrayList<>();
            List<ProjectListing> listings = new ArrayList<>();
            for (JsonNode p : projects) {
                String id = p.path("id").asString("");
                if (!id.isEmpty()) {
                    listings.add(new ProjectListing(p, id));
                }
            }
            listings.forEach(ProjectListing::send);
            for (ProjectListing listing : listings) {
                ListingFailure repositoriesFailed = listing.finish();
                if (repositoriesFailed != null && problem == null) {
                    problem = repositoriesFailed;
                }
                page.add(listing.project(repositoriesFailed == null));
            }
            return new ProjectPage(page, next, problem);
        }

        /** The repositories request of one project, and what it found. */
        private final class ProjectListing {
            private final JsonNode project;
            private final String id;
            private final List<RepositoryInfo> repositories = new ArrayList<>();
            private @Nullable CompletableFuture<Exchange> pending;

            ProjectListing(JsonNode project, String id) {
                this.project = project;
                this.id = id;
            }

            void send() {
                pending = Page.this.send(urls.projectRepositories(org, id), entry -> repositories.add(repository(
                        entry, name())));
            }

            /** Waits for the answer; the failure, or null when the repositories were listed. */
            @Nullable ListingFailure finish() {
                Exchange e = pending.join();
                ListingFailure failed = failure(e, Probe.REPOSITORIES);
                if (failed != null) {
                    repositories.clear();
                    return new ListingFailure(failed.category(), org, "Repositories of " + name() + ": "
                            + failed.summary(), failed.details(), failed.durationMillis());
                }
                AdoResponse r = e.response();
                if (r.listing() == null) {
                    r.json().path("value").forEach(entry -> repositories.add(repository(entry, name())));
                } else if (!r.listing().complete()) {
                    return new ListingFailure(CheckCategory.RESPONSE_TOO_LARGE, org, "Repositories of " + name()
                            + ": the listing was larger than app.azure-devops.max-listing-bytes; the first "
                            + repositories.size() + " are shown.", r.details(), millis());
                }
                return null;
            }

            String name() {
                return project.path("name").asString(id);
            }

            Project project(boolean listed) {
                return new Project(id, name(), text(project, "description"), text(project, "visibility"),
                        repositories, listed);
            }
        }

        private CompletableFuture<Exchange> send(HttpUrl url, Consumer<JsonNode> entries) {
            Call call = connections.newGet(url, token, session);
            cancellation.onCancel(call::cancel);
            return http.send(call, ReadMode.LISTING, entries);
        }

        /** What went wrong with this answer, in Test Connection's categories; null when it is a listing. */
        private @Nullable ListingFailure failure(Exchange e, Probe probe) {
            if (e.error() != null) {
                CheckCategory category = TransportFailures.classify(e.error(), cancellation.isCancelled());
                String described = TransportFailures.describe(e.error());
                return new ListingFailure(category, org, category.headline(org) + " (" + described + ")",
                        new HttpDetails("GET", e.url(), null, null, null, null, null, null, described), millis());
            }
            AdoResponse r = e.response();
            Classification c = ResponseClassifier.classify(probe, r);
            if (c.passed()) {
                return null;
            }
            String summary = switch (c.category()) {
                case PROJECT_SCOPE_MISSING -> "Azure DevOps refused to list projects: the token lacks the scope"
                        + " Project and Team (Read).";
                case CODE_READ_MISSING -> "The token may not read repositories: the scope Code (Read) is missing.";
                default -> c.category().headline(org);
            };
            return new ListingFailure(c.category(), org, summary, r.details(), millis());
        }

        private long millis() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** One entry of a repositories listing as the tab shows it. */
    static RepositoryInfo repository(JsonNode entry, String project) {
        String defaultBranch = text(entry, "defaultBranch");
        return new RepositoryInfo(entry.path("id").asString(""), entry.path("project").path("name").asString(project),
                entry.path("name").asString(""), defaultBranch, Math.max(0, entry.path("size").asLong(0)),
                entry.path("isDisabled").asBoolean(false), entry.path("isInMaintenance").asBoolean(false),
                web(text(entry, "webUrl")), web(text(entry, "remoteUrl")), printable(text(entry, "sshUrl")));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString("").isBlank() ? null : value.asString();
    }

    /** An http(s) URL as it came, or null: a link or a clone URL is never {@code javascript:} or the like. */
    static @Nullable String web(@Nullable String url) {
        if (url == null || printable(url) == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    /** The text when it is one line of printable characters (a URL to copy), else null. */
    private static @Nullable String printable(@Nullable String text) {
        return text == null || text.length() > 2048 || text.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f)
                ? null : text;
    }
}
