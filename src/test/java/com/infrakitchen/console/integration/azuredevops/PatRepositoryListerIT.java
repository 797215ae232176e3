package com.infrakitchen.console.integration.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.Project;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.browse.RepositoryListing.RepositoryInfo;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps.Chaos;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Repositories tab's listing for a token against the fake (docs/azure-devops.md 7 and 12): projects paged by
 * their continuation token (bigorg's 150), the repositories of each project with their flags and URLs (contoso's
 * empty and disabled ones), and failures in the categories and headlines Test Connection gives the same answers.
 */
class PatRepositoryListerIT {

    static final FakeAzureDevOps FAKE = new FakeAzureDevOps();
    static AzureDevOpsHttp http;

    @BeforeAll
    static void start() {
        FAKE.start();
        http = new AzureDevOpsHttp(new AzureDevOpsProperties(URI.create(FAKE.baseUrl()), true, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 65536,
                AzureDevOpsProperties.DEFAULT_MAX_LISTING_BYTES));
    }

    @AfterAll
    static void stop() {
        http.shutdown();
        FAKE.close();
    }

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    static RepositoryListing list(String org, String token, String continuation) {
        return new PatRepositoryLister(http, PatRepositoryLister.DEFAULT_PROJECTS_PER_PAGE).list(org,
                new AccessTokenInput(Secret.of(token), null), continuation, new Cancellation());
    }

    static ProjectPage page(String org, String continuation) {
        RepositoryListing listing = list(org, FakeTokens.PAT_FULL, continuation);
        assertThat(listing).as(listing.toString()).isInstanceOf(ProjectPage.class);
        return (ProjectPage) listing;
    }

    @Test
    void bigorgsHundredAndFiftyProjectsComeInThreePagesFollowingTheContinuationToken() {
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        ProjectPage page = page("bigorg", null);
        while (true) {
            assertThat(page.problem()).isNull();
            assertThat(page.projects()).hasSize(50).allSatisfy(p -> assertThat(p.repositories()).isEmpty())
                    .allSatisfy(p -> assertThat(p.listed()).isTrue());
            page.projects().forEach(p -> names.add(p.name()));
            if (page.nextToken() == null) {
                break;
            }
            tokens.add(page.nextToken());
            page = page("bigorg", page.nextToken());
        }

        assertThat(tokens).containsExactly("50", "100");
        assertThat(names).hasSize(FakeAzureDevOps.BIGORG_PROJECT_COUNT).doesNotHaveDuplicates()
                .startsWith("Project 001").endsWith("Project 150");
        var targets = FAKE.takeRequests().stream().filter(c -> c.path().endsWith("/_apis/projects"))
                .map(FakeAzureDevOps.RecordedCall::target).toList();
        assertThat(targets).containsExactly("/bigorg/_apis/projects?%24top=50&api-version=7.1",
                "/bigorg/_apis/projects?%24top=50&continuationToken=50&api-version=7.1",
                "/bigorg/_apis/projects?%24top=50&continuationToken=100&api-version=7.1");
    }

    @Test
    void aServerThatCapsItsPagesIsFollowedByItsTokenNotByCounting() {
        FAKE.setProjectsPageCap(20);
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ProjectPage page = page("bigorg", token);
            assertThat(page.projects()).hasSizeLessThanOrEqualTo(20);
            page.projects().forEach(p -> names.add(p.name()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 20);

        assertThat(pages).isEqualTo(8);
        assertThat(names).hasSize(150).doesNotHaveDuplicates().endsWith("Project 150");
    }

    @Test
    void contosoShowsEachProjectWithItsRepositoriesTheirFlagsBranchSizeAndUrls() {
        ProjectPage page = page("contoso", null);

        assertThat(page.nextToken()).isNull();
        assertThat(page.problem()).isNull();
        assertThat(page.projects()).extracting(Project::name).containsExactly("Web", "Fabrikam Fiber");
        assertThat(page.projects().get(1).repositories()).isEmpty();
        assertThat(page.projects().get(0).visibility()).isEqualTo("private");
        Map<String, RepositoryInfo> repos = new HashMap<>();
        page.projects().get(0).repositories().forEach(r -> repos.put(r.name(), r));
        assertThat(repos).containsOnlyKeys("web-app", "empty-repo", "old");

        RepositoryInfo web = repos.get("web-app");
        assertThat(web.project()).isEqualTo("Web");
        assertThat(web.defaultBranch()).isEqualTo("refs/heads/main");
        assertThat(web.sizeBytes()).isEqualTo(2048);
        assertThat(web.empty()).isFalse();
        assertThat(web.disabled()).isFalse();
        assertThat(web.webUrl()).isEqualTo(FAKE.baseUrl() + "/contoso/Web/_git/web-app");
        assertThat(web.httpsUrl()).isEqualTo("http://contoso@127.0.0.1:" + FAKE.port() + "/contoso/Web/_git/web-app");
        assertThat(web.sshUrl()).isEqualTo("git@ssh.dev.azure.com:v3/contoso/Web/web-app");

        RepositoryInfo empty = repos.get("empty-repo");
        assertThat(empty.empty()).isTrue();
        assertThat(empty.defaultBranch()).isNull();
        assertThat(empty.sizeBytes()).isZero();
        assertThat(empty.disabled()).isFalse();

        RepositoryInfo old = repos.get("old");
        assertThat(old.disabled()).isTrue();
        assertThat(old.empty()).isFalse();
        assertThat(old.defaultBranch()).isEqualTo("refs/heads/main");

        // one request per project, named by its id; the token only in the Authorization header
        var calls = FAKE.takeRequests();
        assertThat(calls).extracting(FakeAzureDevOps.RecordedCall::path).containsExactlyInAnyOrder(
                "/contoso/_apis/projects", "/contoso/" + FakeAzureDevOps.WEB_PROJECT_ID + "/_apis/git/repositories",
                "/contoso/" + FakeAzureDevOps.FABRIKAM_FIBER_PROJECT_ID + "/_apis/git/repositories");
        assertThat(calls).allSatisfy(c -> assertThat(c.target()).doesNotContain(FakeTokens.PAT_FULL));
    }

    @Test
    void wideorgListsAllItsRepositoriesEachProjectsListingReadAsAStream() {
        ProjectPage page = page("wideorg", null);

        assertThat(page.projects()).hasSize(FakeAzureDevOps.WIDEORG_PROJECT_COUNT);
        assertThat(page.repositoryCount()).isEqualTo(FakeAzureDevOps.WIDEORG_REPOSITORY_COUNT);
        assertThat(page.projects()).allSatisfy(p -> assertThat(p.repositories()).allSatisfy(r ->
                assertThat(r.project()).isEqualTo(p.name())));
    }

    @Test
    void aTokenWithoutCodeReadListsTheProjectsAndSaysWhyTheirRepositoriesAreMissing() {
        ProjectPage page = (ProjectPage) list("contoso", FakeTokens.PAT_PROJECT_ONLY, null);

        assertThat(page.projects()).extracting(Project::name).containsExactly("Web", "Fabrikam Fiber");
        assertThat(page.projects()).allSatisfy(p -> assertThat(p.listed()).isFalse());
        assertThat(page.problem().category()).isEqualTo(CheckCategory.CODE_READ_MISSING);
        assertThat(page.problem().headline()).isEqualTo(testConnection("contoso", FakeTokens.PAT_PROJECT_ONLY)
                .headline());
        assertThat(page.problem().summary()).contains("Code (Read)");
    }

    @Test
    void failuresHaveTheCategoryAndHeadlineOfTestConnection() {
        record Case(String org, String token) {
        }
        for (Case c : List.of(new Case("contoso", FakeTokens.PAT_REVOKED), new Case("contoso", FakeTokens.PAT_EXPIRED),
                new Case("contosoo", FakeTokens.PAT_FULL), new Case("contoso", FakeTokens.PAT_CODE_ONLY),
                new Case("contoso", FakeTokens.PAT_NOT_MEMBER), new Case("contoso", FakeTokens.PAT_CAP_BLOCKED),
                new Case("my_org", FakeTokens.PAT_FULL))) {
            RepositoryListing listing = list(c.org(), c.token(), null);
            CheckResult tested = testConnection(c.org(), c.token());
            assertThat(listing).as(c.toString()).isInstanceOf(ListingFailure.class);
            ListingFailure failure = (ListingFailure) listing;
            assertThat(failure.category()).as(c.toString()).isEqualTo(tested.category());
            assertThat(failure.headline()).as(c.toString()).isEqualTo(tested.headline());
            assertThat(failure.hint()).isEqualTo(tested.hint());
        }
    }

    @Test
    void anOutageIsReportedWithTheServersAnswer() {
        FAKE.setChaos(Chaos.SERVICE_UNAVAILABLE);

        ListingFailure failure = (ListingFailure) list("contoso", FakeTokens.PAT_FULL, null);

        assertThat(failure.category()).isEqualTo(CheckCategory.SERVICE_UNAVAILABLE);
        assertThat(failure.headline()).isEqualTo("Azure DevOps is unavailable right now");
        assertThat(failure.details().status()).isEqualTo(503);
        assertThat(failure.details().url()).startsWith(FAKE.baseUrl() + "/contoso/_apis/projects?");
    }

    @Test
    void urlsThatAreNotHttpAreNeverKept() {
        assertThat(PatRepositoryLister.web("javascript:alert(1)")).isNull();
        assertThat(PatRepositoryLister.web("https://dev.azure.com/contoso/Web/_git/web app")).isNull();
        assertThat(PatRepositoryLister.web("HTTPS://dev.azure.com/contoso/Web/_git/web-app")).isNotNull();
    }

    static CheckResult testConnection(String org, String token) {
        CheckResult r = new AzureDevOpsChecker(http, Clock.systemUTC()).check(new CheckInput(org, Secret.of(token),
                null, "fp"), new Cancellation());
        FAKE.awaitRequestsRecorded(Duration.ofSeconds(10));
        FAKE.takeRequests();
        return r;
    }
}
