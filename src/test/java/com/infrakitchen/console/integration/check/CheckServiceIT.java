package com.infrakitchen.console.integration.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.ConnectionStatus;
import com.infrakitchen.console.integration.IntegrationData;
import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationFilter;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.credential.SshKeyInput;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOps;
import com.infrakitchen.console.support.fakeado.FakeAzureDevOpsInitializer;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * CheckService with method security, the real checker and the shared fake: the limits of docs/security.md 3.6
 * (H-18), audit of every attempt, stored results and when they become outdated.
 */
@SpringBootTest
class CheckServiceIT {

    @Autowired
    CheckService checks;
    @Autowired
    IntegrationService integrations;
    @Autowired
    JdbcTemplate jdbc;

    final FakeAzureDevOps fake = FakeAzureDevOpsInitializer.shared();

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    static String user() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    static CheckResult await(CheckRun run) throws Exception {
        return run.result().get(20, TimeUnit.SECONDS);
    }

    IntegrationDetail saved(String user, String token) {
        return As.user(user, "EDITOR", () -> integrations.create(new IntegrationData("chk-" + UUID.randomUUID()
                .toString().substring(0, 8), "", List.of(), "contoso"), IntegrationFixtures.pat(token)));
    }

    @Test
    void testOfUnsavedValuesConnectsIsAuditedAndStoresNothing() throws Exception {
        String user = user();
        long storedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM integration_check", Long.class);
        CheckResult r = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-1", "typed-name", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null))))));
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(r.identity()).isEqualTo("Alice");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_check", Long.class)).isEqualTo(storedBefore);
        String details = jdbc.queryForObject("SELECT details FROM audit_event WHERE actor = ? AND action ="
                + " 'CONNECTION_TESTED'", String.class, user);
        assertThat(details).contains("CONNECTED").contains("contoso").doesNotContain(FakeTokens.PAT_FULL);
        assertThat(jdbc.queryForObject("SELECT target_name FROM audit_event WHERE actor = ?", String.class, user))
                .isEqualTo("typed-name");
    }

    @Test
    void h18SixthTestInAMinuteIsRefusedWithoutAnyRequest() throws Exception {
        String user = user();
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThat(await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-" + n, "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))))).category()).isEqualTo(CheckCategory.CONNECTED);
        }
        fake.awaitRequestsRecorded(Duration.ofSeconds(10)); // none of an earlier test still on its way
        int requestsBefore = fake.requestCount();
        CheckResult refused = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-6", "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null))))));
        assertThat(refused.category()).isEqualTo(CheckCategory.TOO_MANY_TESTS);
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        assertThat(fake.requestCount()).isEqualTo(requestsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action ="
                + " 'CONNECTION_TESTED' AND outcome = 'DENIED'", Long.class, user)).isEqualTo(1);
        // another user is not affected
        assertThat(await(As.user(user(), "EDITOR", () -> checks.test(TestRequest.ofForm("form-7", "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))))).category()).isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void h18SecondConcurrentTestOfTheSameIntegrationIsRefused() throws Exception {
        String user = user();
        IntegrationDetail d = saved(user, FakeTokens.PAT_FULL);
        // the first never gets an answer, so it is still running when the second asks, however slow the machine
        fake.setChaos(FakeAzureDevOps.Chaos.STALL);
        CheckRun first = As.user(user, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id())));
        CheckRun second = As.user(user(), "ADMIN", () -> checks.test(TestRequest.ofStored(d.id())));
        assertThat(await(second).category()).isEqualTo(CheckCategory.TEST_ALREADY_RUNNING);
        assertThat(first.result()).isNotDone();
        first.cancel();
        assertThat(await(first).category()).isEqualTo(CheckCategory.CANCELLED);
        // and once it is over, the next one may run
        fake.setChaos(FakeAzureDevOps.Chaos.NONE);
        assertThat(await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id())))).category())
                .isEqualTo(CheckCategory.CONNECTED);
    }

    @Test
    void savedIntegrationResultIsStoredAndBecomesOutdatedWhenTheTokenOrOrganizationChanges() throws Exception {
        String user = user();
        IntegrationDetail d = saved(user, FakeTokens.PAT_EXPIRED);
        CheckResult r = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id()))));
        assertThat(r.category()).isEqualTo(CheckCategory.TOKEN_EXPIRED);
        LatestCheck latest = As.user(user, "VIEWER", () -> checks.latest(List.of(d.id()))).get(d.id());
        assertThat(latest.record().category()).isEqualTo(CheckCategory.TOKEN_EXPIRED);
        assertThat(latest.record().actor()).isEqualTo(user);
        assertThat(latest.record().steps()).isNotEmpty();
        assertThat(latest.record().decisive().serverMessage()).contains("has expired");
        assertThat(latest.outdated()).isFalse();
        assertThat(gridFilterOf(d)).isEqualTo(ConnectionStatus.FAILED);

        IntegrationDetail replaced = As.user(user, "EDITOR", () -> integrations.update(d.id(), d.version(), d.data(),
                IntegrationFixtures.replaceToken(Secret.of(FakeTokens.PAT_FULL))));
        assertThat(As.user(user, "VIEWER", () -> checks.latest(List.of(d.id()))).get(d.id()).outdated()).isTrue();
        assertThat(gridFilterOf(d)).isEqualTo(ConnectionStatus.OUTDATED);

        CheckResult again = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofStored(d.id()))));
        assertThat(again.category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(As.user(user, "VIEWER", () -> checks.latest(List.of(d.id()))).get(d.id()).outdated()).isFalse();
        assertThat(gridFilterOf(d)).isEqualTo(ConnectionStatus.CONNECTED);

        var data = replaced.data();
        As.user(user, "EDITOR", () -> integrations.update(d.id(), replaced.version(), new IntegrationData(data.name(),
                data.description(), data.labels(), "fabrikam"), IntegrationFixtures.keepToken()));
        assertThat(As.user(user, "VIEWER", () -> checks.latest(List.of(d.id()))).get(d.id()).outdated()).isTrue();
        assertThat(gridFilterOf(d)).isEqualTo(ConnectionStatus.OUTDATED);
        assertThat(As.user(user, "VIEWER", () -> checks.history(d.id(), 10))).hasSize(2);
    }

    /**
     * The one connection filter of the grid that finds {@code d} (integration.connection, V12), which must agree
     * with what its row shows (LatestCheck.outdated), whichever of the two writers changed it last.
     */
    ConnectionStatus gridFilterOf(IntegrationDetail d) {
        List<ConnectionStatus> found = new ArrayList<>();
        for (ConnectionStatus status : ConnectionStatus.values()) {
            IntegrationFilter f = new IntegrationFilter(d.data().name(), List.of(), null, null, status, null);
            if (As.user(user(), "VIEWER", () -> integrations.find(f, null, 0, 50)).stream()
                    .anyMatch(s -> s.id().equals(d.id()))) {
                found.add(status);
            }
        }
        assertThat(found).as("the connection filters that find %s", d.data().name()).hasSize(1);
        return found.getFirst();
    }

    @Test
    void testingAnUnsavedEditOnTheDetailPageIsNotStored() throws Exception {
        String user = user();
        IntegrationDetail d = saved(user, FakeTokens.PAT_FULL);
        CheckResult r = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofSaved(d.id(), d.version(), "fabrikam", null))));
        assertThat(r.category()).isEqualTo(CheckCategory.TOKEN_REJECTED);
        assertThat(r.organization()).isEqualTo("fabrikam");
        assertThat(As.user(user, "VIEWER", () -> checks.history(d.id(), 10))).isEmpty();
    }

    /**
     * The service, not the view, decides what differs from the stored values: the detail page sends its form as it
     * is, and only a real difference makes the test an unsaved edit.
     */
    @Test
    void theServiceDecidesWhetherTheDetailPagesValuesAreTheStoredOnes() throws Exception {
        String user = user();
        IntegrationDetail d = saved(user, FakeTokens.PAT_FULL);
        // the same organization (Azure DevOps compares names case-insensitively, with spaces typed around it)
        CheckRun same = As.user(user, "EDITOR", () -> checks.test(TestRequest.ofSaved(d.id(), d.version(), "  CONTOSO ", null)));
        assertThat(same.storesResult()).isTrue();
        assertThat(await(same).category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(As.user(user, "VIEWER", () -> checks.history(d.id(), 10))).hasSize(1);

        // a token typed on the detail page is an unsaved edit, even when it equals the stored one
        CheckRun typed = As.user(user, "EDITOR", () -> checks.test(TestRequest.ofSaved(d.id(), d.version(), "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))));
        assertThat(typed.storesResult()).isFalse();
        assertThat(await(typed).category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(As.user(user, "VIEWER", () -> checks.history(d.id(), 10))).hasSize(1);
        // a cleared Organization field is an edit too: it is tested as it is (refused locally), not as stored
        CheckRun cleared = As.user(user, "EDITOR", () -> checks.test(TestRequest.ofSaved(d.id(), d.version(), "  ",
                null)));
        assertThat(cleared.storesResult()).isFalse();
        assertThat(await(cleared).category()).isEqualTo(CheckCategory.INVALID_ORGANIZATION_NAME);
        assertThat(As.user(user, "VIEWER", () -> checks.history(d.id(), 10))).hasSize(1);
    }

    @Test
    void aCredentialOfAnotherKindIsRefusedAndWiped() {
        String user = user();
        IntegrationDetail d = saved(user, FakeTokens.PAT_FULL);
        Secret key = Secret.of("not a key, and not a secret either");
        assertThatThrownBy(() -> As.user(user, "EDITOR", () -> checks.test(TestRequest.ofSaved(d.id(), d.version(), "contoso", CredentialChange.replace(new SshKeyInput(key, null, false, null)))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSH credential cannot test an integration that uses PAT");
        assertThat(key.bytes()).containsOnly(0);
    }

    @Test
    void viewersMayReadResultsButNotStartTests() {
        assertThatThrownBy(() -> As.user(user(), "VIEWER", () -> checks.test(TestRequest.ofForm("f", "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user(user(), "VIEWER", () -> checks.test(TestRequest.ofStored(UUID.randomUUID()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(As.user(user(), "VIEWER", () -> checks.latest(new ArrayList<>()))).isEmpty();
    }

    @Test
    void aFormResultIsKeptForTheNewIntegrationOnlyWhenItTestedExactlyTheSavedValues() throws Exception {
        String user = user();
        CheckResult formResult = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-k", "k", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null))))));
        IntegrationDetail same = saved(user, FakeTokens.PAT_FULL);
        IntegrationDetail other = saved(user, FakeTokens.PAT_CODE_READ);
        assertThat(As.user(user, "EDITOR", () -> checks.keepFormResult(same.id(), formResult))).isTrue();
        assertThat(As.user(user, "EDITOR", () -> checks.keepFormResult(other.id(), formResult))).isFalse();
        LatestCheck kept = As.user(user, "VIEWER", () -> checks.latest(List.of(same.id()))).get(same.id());
        assertThat(kept.record().category()).isEqualTo(CheckCategory.CONNECTED);
        assertThat(kept.record().trigger()).as("the history says it was the form's test").isEqualTo(CheckTrigger.FORM);
        assertThat(kept.outdated()).isFalse();
        assertThat(As.user(user, "VIEWER", () -> checks.history(other.id(), 10))).isEmpty();
    }

    @Test
    void malformedValuesAreReportedAsSuchAndDoNotCountAgainstTheLimit() throws Exception {
        String user = user();
        fake.awaitRequestsRecorded(Duration.ofSeconds(10)); // none of an earlier test still on its way
        int requestsBefore = fake.requestCount();
        for (int i = 0; i < 7; i++) {
            int n = i;
            CheckResult r = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-m" + n, "x", "my_org", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null))))));
            assertThat(r.category()).as("test %d", n + 1).isEqualTo(CheckCategory.INVALID_ORGANIZATION_NAME);
            assertThat(r.steps()).first().satisfies(s -> assertThat(s.summary())
                    .startsWith("Azure Organization must be"));
            // nothing else ran: the rest of the ladder is "Not reached"
            assertThat(r.steps().subList(1, r.steps().size())).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.summary()).isEqualTo(CheckLadder.NOT_REACHED));
        }
        CheckResult badToken = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-t", "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of("has inner spaces and is long enough"), null))))));
        assertThat(badToken.category()).isEqualTo(CheckCategory.INVALID_TOKEN_FORMAT);
        CheckResult noToken = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-e", "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(""), null))))));
        assertThat(noToken.category()).isEqualTo(CheckCategory.NO_TOKEN);
        CheckResult sshBadOrg = await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-s", "x", "my_org", CredentialChange.replace(new SshKeyInput(Secret.of("not parsed: the organization is refused first"), null, false, "Web/web-app"))))));
        assertThat(sshBadOrg.category()).isEqualTo(CheckCategory.INVALID_ORGANIZATION_NAME);
        fake.awaitRequestsRecorded(Duration.ofSeconds(10));
        assertThat(fake.requestCount()).isEqualTo(requestsBefore);
        // every local refusal is audited, none of them as a refused (DENIED) test
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action ="
                + " 'CONNECTION_TESTED' AND outcome = 'FAILURE'", Long.class, user)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action ="
                + " 'CONNECTION_TESTED' AND outcome = 'DENIED'", Long.class, user)).isZero();
        // and the limit is still whole for well-formed tests
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThat(await(As.user(user, "EDITOR", () -> checks.test(TestRequest.ofForm("form-w" + n, "x", "contoso", CredentialChange.replace(new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null)))))).category()).isEqualTo(CheckCategory.CONNECTED);
        }
    }
}
