package com.infrakitchen.console.integration.azuredevops;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Every Azure DevOps URL the console calls, built structurally from the configured base URL (docs/security.md
 * 3.1): names are path segments, never concatenated text, so nothing typed can change the host or path.
 */
final class AzureDevOpsUrls {

    static final String CORE_AREA = "79134C72-4A58-4B42-976C-04E7115F32BF";

    private final HttpUrl base;

    AzureDevOpsUrls(HttpUrl base) {
        this.base = base;
    }

    private HttpUrl.Builder org(String organization) {
        return base.newBuilder().addPathSegment(organization);
    }

    /** E1: does the organization exist (no credentials). */
    HttpUrl organizationLookup(String organization) {
        return base.newBuilder().addPathSegment("_apis").addPathSegment("resourceAreas").addPathSegment(CORE_AREA)
                .addQueryParameter("accountName", organization)
                .addQueryParameter("api-version", "5.0-preview.1").build();
    }

    /** Projects asked per page: the first page is E4 itself, so up to this many cost no extra request. */
    static final int PROJECTS_PAGE = 100;

    /**
     * E4: the best single probe (valid token for this organization with Project and Team (Read)), and the first page
     * of the projects, which it counts.
     */
    HttpUrl projects(String organization) {
        return projects(organization, null);
    }

    /** A page of the projects: the first, or the one {@code continuation} (the last page's header) names. */
    HttpUrl projects(String organization, @Nullable String continuation) {
        return projectsPage(organization, PROJECTS_PAGE, continuation);
    }

    /** E3: who the token belongs to. */
    HttpUrl connectionData(String organization) {
        return org(organization).addPathSegment("_apis").addPathSegment("connectionData")
                .addQueryParameter("connectOptions", "1").addQueryParameter("lastChangeId", "-1")
                .addQueryParameter("lastChangeId64", "-1").addQueryParameter("api-version", "7.1-preview.1").build();
    }

    /** E5 (organization level): Code (Read). */
    HttpUrl repositories(String organization) {
        return org(organization).addPathSegment("_apis").addPathSegment("git").addPathSegment("repositories")
                .addQueryParameter("api-version", "7.1").build();
    }

    /**
     * A page of the organization's projects for the Repositories tab: at most {@code top}, from {@code continuation}
     * (the {@code X-MS-ContinuationToken} of the page before; null for the first page, docs/azure-devops.md 7.1).
     */
    HttpUrl projectsPage(String organization, int top, @Nullable String continuation) {
        HttpUrl.Builder url = org(organization).addPathSegment("_apis").addPathSegment("projects")
                .addQueryParameter("$top", Integer.toString(top));
        if (continuation != null) {
            url.addQueryParameter("continuationToken", continuation);
        }
        return url.addQueryParameter("api-version", "7.1").build();
    }

    /** The repositories of one project, named by its id (docs/azure-devops.md 7.2): Code (Read). */
    HttpUrl projectRepositories(String organization, String projectId) {
        return org(organization).addPathSegment(projectId).addPathSegment("_apis").addPathSegment("git")
                .addPathSegment("repositories").addQueryParameter("api-version", "7.1").build();
    }

    /** The receive-pack advertisement: needs Code (Read and write), and pushes nothing. */
    HttpUrl receivePack(String organization, String project, String repository) {
        return org(organization).addPathSegment(project).addPathSegment("_git").addPathSegment(repository)
                .addPathSegment("info").addPathSegment("refs")
                .addQueryParameter("service", "git-receive-pack").build();
    }
}
