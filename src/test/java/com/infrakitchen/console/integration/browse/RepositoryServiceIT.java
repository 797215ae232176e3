package com.infrakitchen.console.integration.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.StoredCredentialService;
import com.infrakitchen.console.integration.StoredCredentials;
import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.browse.RepositoryListing.ProjectPage;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The Repositories tab's service with method security, the real listers and the shared fakes: viewers may load it
 * (product.md 2) without ever holding the secret, each load counts against Test Connection's per-user limit, and each
 * is audited without the token.
 */
@SpringBootTest
class RepositoryServiceIT {

    @Autowired
    RepositoryService repositories;
    @Autowired
    IntegrationService integrations;

    @Autowired
    StoredCredentialService storedCredentials;

    @Autowired
    CheckService checks;
    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @AfterEach
    void resetFakes() {
        fake.reset();
        FakeAzureDevOpsInitializer.sharedSsh().reset();
    }

    static String user() {
        return "rp" + UUID.randomUUID().toString().substring(0, 8);
    }

    IntegrationDetail saved(String organization, String token) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "repos"), organization), token, null);
    }

    RepositoryListing load(String user, String role, UUID id, String continuation) throws Exception {
        return As.user(user, role, () -> repositories.page(id, continuation)).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aViewerPagesThroughBigorgsProjectsAndEachLoadIsAuditedWithoutTheToken() throws Exception {
        IntegrationDetail d = saved("bigorg", FakeTokens.PAT_FULL);
        String viewer = user();

        ProjectPage first = (ProjectPage) load(viewer, "VIEWER", d.id(), null);
        ProjectPage second = (ProjectPage) load(viewer, "VIEWER", d.id(), first.nextToken());
        ProjectPage third = (ProjectPage) load(viewer, "VIEWER", d.id(), second.nextToken());

        assertThat(first.projects()).hasSize(50);
        assertThat(first.projects().get(0).name()).isEqualTo("Project 001");
        assertThat(third.projects().get(49).name()).isEqualTo("Project 150");
        assertThat(third.nextToken()).isNull();
        assertThat(first.toString() + second + third).doesNotContain(FakeTokens.PAT_FULL);
        var events = jdbc.queryForList("SELECT outcome, target_id, details FROM audit_event WHERE actor = ? AND"
                + " action = 'REPOSITORIES_LISTED' ORDER BY id", viewer);
        assertThat(events).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("outcome")).isEqualTo("SUCCESS");
            assertThat(e.get("target_id")).isEqualTo(d.id().toString());
            assertThat(String.valueOf(e.get("details"))).contains("\"projects\":50")
                    .doesNotContain(FakeTokens.PAT_FULL);
        });
        assertThat(String.valueOf(events.get(0).get("details"))).contains("\"page\":\"first\"");
        assertThat(String.valueOf(events.get(2).get("details"))).contains("\"more\":false");
    }

    @Test
    void loadsAndTestsShareTheLimitOfFivePerUserPerMinuteAndARefusedLoadSendsNothing() throws Exception {
        IntegrationDetail d = saved("contoso", FakeTokens.PAT_FULL);
        String editor = user();
        for (int i = 0; i < 3; i++) {
            var tested = As.user(editor, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id())))
                    .result().get(30, TimeUnit.SECONDS);
            assertThat(tested.category()).as("test %d", i + 1).isEqualTo(CheckCategory.CONNECTED);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(load(editor, "EDITOR", d.id(), null)).as("load %d", i + 1).isInstanceOf(ProjectPage.class);
        }
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        int requests = fake.requestCount();

        RepositoryListing refused = load(editor, "EDITOR", d.id(), null);

        assertThat(refused).isInstanceOf(ListingFailure.class);
        assertThat(((ListingFailure) refused).category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
        assertThat(((ListingFailure) refused).headline()).isEqualTo("Too many tests in a short time");
        assertThat(fake.requestCount()).isEqualTo(requests);
        assertThat(As.user(editor, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id()))).result()
                .get(30, TimeUnit.SECONDS).category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
        assertThat(jdbc.queryForObject("SELECT outcome FROM audit_event WHERE actor = ? AND action ="
                + " 'REPOSITORIES_LISTED' ORDER BY id DESC LIMIT 1", String.class, editor)).isEqualTo("DENIED");
        // another user is not held back by this one
        assertThat(load(user(), "VIEWER", d.id(), null)).isInstanceOf(ProjectPage.class);
    }

    @Test
    void anSshIntegrationShowsItsTestRepositorysBranches() throws Exception {
        FakeAzureDevOpsInitializer.sharedSsh().registerKey(TestSshKeys.alice().getPublic());
        IntegrationDetail d = As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.create(
                IntegrationFixtures.data(IntegrationFixtures.uniqueName("repos-ssh")), IntegrationFixtures.key(
                        TestSshKeys.pkcs8(TestSshKeys.alice()), null, "Web/web-app")));

        BranchList branches = (BranchList) load(user(), "VIEWER", d.id(), null);

        assertThat(branches.repository()).isEqualTo("Web/web-app");
        assertThat(branches.branches()).contains("refs/heads/main", "refs/heads/develop");
        assertThat(branches.defaultBranch()).isEqualTo("refs/heads/main");
        assertThat(branches.note()).contains("personal access token");
    }

    @Test
    void theStoredCredentialIsUsedInPlaceWipedAfterwardsAndNeverHandedOut() {
        IntegrationDetail d = saved("contoso", FakeTokens.PAT_FULL);
        AtomicReference<Secret> seen = new AtomicReference<>();

        String result = As.user(user(), "VIEWER", () -> storedCredentials.useStoredCredential(d.id(), stored -> {
            seen.set(IntegrationFixtures.tokenOf(stored));
            return "length " + seen.get().length();
        })).orElseThrow();

        assertThat(result).isEqualTo("length " + FakeTokens.PAT_FULL.length());
        assertThat(seen.get().bytes()).containsOnly(0);
        assertThatThrownBy(() -> As.user(user(), "VIEWER", () -> storedCredentials.useStoredCredential(d.id(),
                StoredCredentials::credential))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> As.user(user(), "VIEWER", () -> storedCredentials.useStoredCredential(d.id(),
                IntegrationFixtures::tokenOf))).isInstanceOf(IllegalStateException.class);
        assertThat(As.user(user(), "VIEWER", () -> storedCredentials.useStoredCredential(UUID.randomUUID(),
                stored -> "x"))).isEmpty();
    }

    @Test
    void nobodyWhoIsNotSignedInMayLoadAndAnUnknownIntegrationIsRefused() {
        IntegrationDetail d = saved("contoso", FakeTokens.PAT_FULL);

        assertThatThrownBy(() -> repositories.page(d.id(), null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> storedCredentials.useStoredCredential(d.id(), stored -> "x"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> As.user(user(), "VIEWER", () -> repositories.page(UUID.randomUUID(), null)))
                .isInstanceOf(NoSuchElementException.class);
    }
}
