package com.infrakitchen.console.integration.azuredevops.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.browse.RepositoryListing;
import com.infrakitchen.console.integration.browse.RepositoryListing.BranchList;
import com.infrakitchen.console.integration.browse.RepositoryListing.ListingFailure;
import com.infrakitchen.console.integration.check.Cancellation;
import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.fakessh.FakeAzureDevOpsSsh;
import com.infrakitchen.console.support.fakessh.TestSshKeys;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Repositories tab for an SSH key against the MINA fake (docs/azure-devops.md 12.4): the test repository's
 * branches and HEAD from its reference advertisement, with the note that listing needs a token; failures in the
 * categories of the SSH check.
 */
class SshBranchListerIT {

    static final Duration BOUND = Duration.ofSeconds(2);
    static final String ALICE_KEY = TestSshKeys.pkcs8(TestSshKeys.alice());

    static FakeAzureDevOpsSsh fake;

    @BeforeAll
    static void startFake() {
        fake = FakeAzureDevOpsSsh.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
        fake.registerKey(TestSshKeys.alice().getPublic());
    }

    SshProperties props(String knownHosts) {
        return new SshProperties(fake.host(), fake.port(), "git", knownHosts, null, BOUND, BOUND);
    }

    RepositoryListing list(String repository, String knownHosts) {
        return new SshBranchLister(props(knownHosts)).list("contoso", key(repository), null, new Cancellation());
    }

    static SshKeyInput key(String repository) {
        return new SshKeyInput(Secret.of(ALICE_KEY), null, false, repository);
    }

    @Test
    void theTestRepositorysBranchesAndHeadComeFromItsAdvertisementWithTheNoteThatListingNeedsAToken() {
        RepositoryListing listing = list("Web/web-app", fake.knownHostsLine());

        assertThat(listing).as(listing.toString()).isInstanceOf(BranchList.class);
        BranchList branches = (BranchList) listing;
        assertThat(branches.repository()).isEqualTo("Web/web-app");
        assertThat(branches.defaultBranch()).isEqualTo("refs/heads/main");
        assertThat(branches.branches()).containsExactly("refs/heads/develop", "refs/heads/feature/login",
                "refs/heads/main");
        assertThat(branches.tags()).isEqualTo(1);
        assertThat(branches.truncated()).isFalse();
        assertThat(branches.note()).contains("personal access token");
        assertThat(fake.execCommands()).containsExactly("git-upload-pack 'v3/contoso/Web/web-app'");
    }

    @Test
    void anEmptyRepositoryHasNoBranches() {
        BranchList branches = (BranchList) list("Web/empty-repo", fake.knownHostsLine());

        assertThat(branches.branches()).isEmpty();
        assertThat(branches.defaultBranch()).isNull();
    }

    @Test
    void refusalsHaveTheCategoriesAndHeadlinesOfTheSshCheck() {
        assertSameAsCheck("Web/nope", fake.knownHostsLine(), CheckCategory.SSH_REPOSITORY_NOT_FOUND);
        assertSameAsCheck("Web/old", fake.knownHostsLine(), CheckCategory.SSH_REPOSITORY_NOT_FOUND);
        assertSameAsCheck("Web/web-app", fake.otherKnownHostsLine(), CheckCategory.SSH_HOST_KEY_CHANGED);
        fake.reset();
        assertSameAsCheck("Web/web-app", fake.knownHostsLine(), CheckCategory.SSH_KEY_NOT_REGISTERED);
        assertSameAsCheck("no-slash", fake.knownHostsLine(), CheckCategory.SSH_NO_REPOSITORY);
    }

    private void assertSameAsCheck(String repository, String knownHosts, CheckCategory expected) {
        RepositoryListing listing = list(repository, knownHosts);
        CheckResult checked = new SshChecker(props(knownHosts), Clock.systemUTC()).check(SshCheckInput
                .withTestRepository("contoso", repository, Secret.of(ALICE_KEY), null, "fp"), new Cancellation());
        assertThat(listing).as(repository + ": " + listing).isInstanceOf(ListingFailure.class);
        ListingFailure failure = (ListingFailure) listing;
        assertThat(failure.category()).as(repository).isEqualTo(expected).isEqualTo(checked.category());
        assertThat(failure.headline()).isEqualTo(checked.headline());
        assertThat(failure.toString()).doesNotContain(ALICE_KEY.lines().skip(1).findFirst().orElseThrow());
    }
}
