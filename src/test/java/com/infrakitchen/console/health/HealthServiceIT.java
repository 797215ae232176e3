package com.infrakitchen.console.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.integration.diagnosis.CheckOutcome;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.integration.check.internal.CheckRecordStore;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import com.infrakitchen.console.support.StoredChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * {@link HealthService} on a clock the test moves ({@link ClockControlled}), with stored results written straight
 * into {@code integration_check} at chosen times. Health covers every enabled integration, so each test starts from
 * an empty integration table (the other classes of this context make their own integrations in each test).
 * {@code PostgresHealthServiceIT} runs the same on PostgreSQL.
 */
@ClockControlled
class HealthServiceIT {

    static final String FAILED = "azure_devops:TOKEN_EXPIRED";
    static final String WARNED = "azure_devops:CODE_WRITE_MISSING";
    static final String CONNECTED = "CONNECTED";

    @Autowired
    HealthService health;
    @Autowired
    IntegrationService integrations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckRecordStore checks;

    Instant now;
    LocalDate today;

    @BeforeEach
    void emptyTablesAndStartTheClock() {
        jdbc.update("DELETE FROM integration_check");
        jdbc.update("DELETE FROM integration_label");
        jdbc.update("DELETE FROM integration");
        clock.set(ClockControlled.Beans.START);
        now = clock.instant();
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    IntegrationDetail saved(String prefix, @Nullable LocalDate expiresOn) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                prefix)), IntegrationFixtures.fakeToken(), expiresOn);
    }

    IntegrationDetail saved(String prefix) {
        return saved(prefix, null);
    }

    /** A stored result {@code ago} before now, through the store (which keeps the connection status too). */
    void stored(IntegrationDetail i, Duration ago, String outcome, String category) {
        assertThat(checks.insert(StoredChecks.result(i.id(), now.minus(ago), category, "health-test"))).isTrue();
    }

    HealthReport report() {
        return As.user("health-viewer", "VIEWER", () -> health.report());
    }

    HealthItem only(IntegrationDetail i) {
        List<HealthItem> found = report().items().stream().filter(h -> h.id().equals(i.id())).toList();
        assertThat(found).as("rows of %s", i.data().name()).hasSize(1);
        return found.getFirst();
    }

    boolean listed(IntegrationDetail i) {
        return report().items().stream().anyMatch(h -> h.id().equals(i.id()));
    }

    @Test
    void failingSinceIsTheOldestResultOfTheCurrentRunOfFailures() {
        IntegrationDetail i = saved("failing");
        stored(i, Duration.ofHours(9), "FAILED", FAILED);
        stored(i, Duration.ofHours(5), "CONNECTED", CONNECTED);
        stored(i, Duration.ofHours(3), "FAILED", FAILED);
        stored(i, Duration.ofHours(1), "FAILED", FAILED);

        HealthItem item = only(i);
        assertThat(item.attention()).isEqualTo(Attention.FAILING);
        assertThat(item.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(item.failingSince()).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(item.lastChecked()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(item.headline()).isEqualTo("The access token has expired");
    }

    /** Azure DevOps stopped taking global tokens on 2026-12-01: /health words it as the grid does, by the clock. */
    @Test
    void aGlobalTokenRefusalIsWordedForTheClocksToday() {
        IntegrationDetail i = saved("global");
        stored(i, Duration.ofHours(1), "FAILED", "azure_devops:GLOBAL_TOKEN_BLOCKED");
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        now = clock.instant();
        assertThat(only(i).headline()).doesNotContain("no longer work");
        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(only(i).headline()).isEqualTo("Global tokens no longer work: create an organization-scoped token");
    }

    @Test
    void anIntegrationThatNeverPassedFailsSinceItsFirstResult() {
        IntegrationDetail i = saved("always-failing");
        stored(i, Duration.ofHours(4), "FAILED", FAILED);
        stored(i, Duration.ofHours(2), "FAILED", FAILED);
        assertThat(only(i).failingSince()).isEqualTo(now.minus(Duration.ofHours(4)));
    }

    @Test
    void aWarningAfterAFailureIsAWarningNotFailing() {
        IntegrationDetail i = saved("warning");
        stored(i, Duration.ofHours(3), "FAILED", FAILED);
        stored(i, Duration.ofHours(1), "WARNING", WARNED);
        HealthItem item = only(i);
        assertThat(item.attention()).isEqualTo(Attention.WARNING);
        assertThat(item.failingSince()).isNull();
        assertThat(item.headline()).isEqualTo("Connected to contoso, but the token cannot write code");
    }

    @Test
    void aTokenExpiringWithinFourteenDaysNeedsAttentionFifteenDaysDoesNot() {
        IntegrationDetail in14 = saved("expires-14", today.plusDays(14));
        IntegrationDetail in15 = saved("expires-15", today.plusDays(15));
        IntegrationDetail expired = saved("expired", today.minusDays(1));
        for (IntegrationDetail i : List.of(in14, in15, expired)) {
            stored(i, Duration.ofHours(1), "CONNECTED", CONNECTED);
        }
        assertThat(only(in14).attention()).isEqualTo(Attention.EXPIRING);
        assertThat(only(in14).expiring()).isTrue();
        assertThat(only(expired).attention()).isEqualTo(Attention.EXPIRING);
        assertThat(listed(in15)).isFalse();

        // a day later the 15-day token is at 14 days
        clock.advance(Duration.ofDays(1));
        assertThat(only(in15).attention()).isEqualTo(Attention.EXPIRING);
    }

    /** A service principal's client secret (its entered date) or certificate (its own end) expires like a token. */
    @Test
    void aServicePrincipalsSecretOrCertificateEndingWithinFourteenDaysNeedsAttentionAndSaysWhich() {
        IntegrationDetail secret = As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.create(
                IntegrationFixtures.data(IntegrationFixtures.uniqueName("sp-secret")),
                com.infrakitchen.console.integration.credential.ServicePrincipalInput.withSecret(
                        com.infrakitchen.console.support.fakeentra.EntraFixtures.TENANT_ID,
                        com.infrakitchen.console.support.fakeentra.EntraFixtures.CLIENT_ID_FULL,
                        com.infrakitchen.console.secret.Secret.of(
                                com.infrakitchen.console.support.fakeentra.EntraFixtures.SECRET_FULL),
                        today.plusDays(10))));
        var cert = com.infrakitchen.console.support.fakeentra.TestCertificates.create("CN=Health",
                clock.instant().minus(Duration.ofDays(30)), today.plusDays(5).atTime(12, 0).toInstant(ZoneOffset.UTC));
        IntegrationDetail certificate = As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.create(
                IntegrationFixtures.data(IntegrationFixtures.uniqueName("sp-cert")),
                com.infrakitchen.console.integration.credential.ServicePrincipalInput.withCertificate(
                        com.infrakitchen.console.support.fakeentra.EntraFixtures.TENANT_ID,
                        com.infrakitchen.console.support.fakeentra.EntraFixtures.CLIENT_ID_FULL,
                        com.infrakitchen.console.secret.Secret.of(cert.pem()), null)));
        for (IntegrationDetail i : List.of(secret, certificate)) {
            stored(i, Duration.ofHours(1), "CONNECTED", CONNECTED);
        }
        HealthItem s = only(secret);
        assertThat(s.attention()).isEqualTo(Attention.EXPIRING);
        assertThat(s.expiresOn()).isEqualTo(today.plusDays(10));
        assertThat(s.expiringCredential()).isEqualTo("Client secret");
        HealthItem c = only(certificate);
        assertThat(c.attention()).isEqualTo(Attention.EXPIRING);
        assertThat(c.expiresOn()).isEqualTo(today.plusDays(5));
        assertThat(c.expiringCredential()).isEqualTo("Certificate");
    }

    /** Azure DevOps expires an SSH public key a year after it was added ("Key added on"; issue 12). */
    @Test
    void anSshKeyExpiringWithinFourteenDaysOfAYearAfterItWasAddedNeedsAttentionAndSaysItIsTheKey() {
        IntegrationDetail in14 = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("key-14")), today.minusYears(1).plusDays(14));
        IntegrationDetail in15 = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("key-15")), today.minusYears(1).plusDays(15));
        IntegrationDetail unknown = IntegrationFixtures.savedSsh(integrations, IntegrationFixtures.data(
                IntegrationFixtures.uniqueName("key-unknown")), null);
        for (IntegrationDetail i : List.of(in14, in15, unknown)) {
            stored(i, Duration.ofHours(1), "CONNECTED", CONNECTED);
        }
        HealthItem item = only(in14);
        assertThat(item.attention()).isEqualTo(Attention.EXPIRING);
        assertThat(item.expiring()).isTrue();
        assertThat(item.tokenExpiresOn()).isNull();
        assertThat(item.sshKeyExpiresOn()).isEqualTo(today.plusDays(14));
        assertThat(item.expiresOn()).isEqualTo(today.plusDays(14));
        assertThat(item.expiringCredential()).isEqualTo("SSH key");
        assertThat(listed(in15)).isFalse();
        assertThat(listed(unknown)).as("no Key added on: nothing to warn about").isFalse();
        assertThat(report().counts().expiring()).isEqualTo(1);

        // a day later the other key is at 14 days; a year on, both have expired and still need attention
        clock.advance(Duration.ofDays(1));
        assertThat(only(in15).attention()).isEqualTo(Attention.EXPIRING);
        clock.advance(Duration.ofDays(365));
        assertThat(only(in14).attention()).as("expired, and stale as well").isEqualTo(Attention.EXPIRING);
        assertThat(only(in14).stale()).isTrue();
        assertThat(listed(unknown)).isTrue(); // only as stale
        assertThat(only(unknown).expiring()).isFalse();
    }

    @Test
    void anIntegrationNeverTestedNeedsAttention() {
        IntegrationDetail i = saved("never");
        HealthItem item = only(i);
        assertThat(item.attention()).isEqualTo(Attention.NEVER_TESTED);
        assertThat(item.lastChecked()).isNull();
        assertThat(item.outcome()).isNull();
        assertThat(report().counts().neverTested()).isEqualTo(1);
    }

    @Test
    void aTestOlderThanTwiceTheCheckIntervalIsStaleOneWithinItIsFresh() {
        IntegrationDetail stale = saved("stale");
        IntegrationDetail fresh = saved("fresh");
        stored(stale, Duration.ofHours(12).plusSeconds(1), "CONNECTED", CONNECTED);
        stored(fresh, Duration.ofHours(12), "CONNECTED", CONNECTED);
        HealthItem item = only(stale);
        assertThat(item.attention()).isEqualTo(Attention.STALE);
        assertThat(item.stale()).isTrue();
        assertThat(listed(fresh)).as("tested exactly twice the interval (PT6H) ago").isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(only(fresh).attention()).isEqualTo(Attention.STALE);
    }

    @Test
    void disabledIntegrationsAreLeftOut() {
        IntegrationDetail i = saved("disabled");
        stored(i, Duration.ofHours(1), "FAILED", FAILED);
        As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.setEnabled(i.id(), i.version(), false));
        HealthReport report = report();
        assertThat(report.items()).isEmpty();
        assertThat(report.allWell()).isTrue();
        assertThat(report.anyEnabled()).isFalse();
        assertThat(report.newestCheck()).as("a disabled integration's check is not the newest").isNull();
    }

    @Test
    void anIntegrationEnabledAgainIsBackWithItsStoredFailure() {
        IntegrationDetail i = saved("re-enabled");
        stored(i, Duration.ofHours(1), "FAILED", FAILED);
        IntegrationDetail off = As.user(IntegrationFixtures.EDITOR, "EDITOR",
                () -> integrations.setEnabled(i.id(), i.version(), false));
        assertThat(report().counts().failing()).isZero();
        As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.setEnabled(i.id(), off.version(), true));
        assertThat(only(i).attention()).isEqualTo(Attention.FAILING);
        assertThat(report().counts().failing()).isEqualTo(1);
    }

    @Test
    void aStoredResultOfADisabledIntegrationKeepsItOut() {
        IntegrationDetail i = saved("disabled-then-tested");
        As.user(IntegrationFixtures.EDITOR, "EDITOR", () -> integrations.setEnabled(i.id(), i.version(), false));
        // a result that arrives for it afterwards (a test that was running) does not bring it back
        stored(i, Duration.ofMinutes(1), "FAILED", FAILED);
        assertThat(report().allWell()).isTrue();
        assertThat(report().counts()).isEqualTo(new HealthCounts(0, 0, 0, 0, 0));
    }

    @Test
    void beyondTheMostRowsTheWorstAreListedAndEveryOneIsCounted() {
        int failing = HealthService.MAX_ROWS + 3;
        List<IntegrationDetail> failed = new ArrayList<>();
        for (int n = 0; n < failing; n++) {
            IntegrationDetail i = saved("many-" + (1000 + n));
            // the first saved has failed the longest
            stored(i, Duration.ofMinutes(5L * (failing - n)), "FAILED", FAILED);
            failed.add(i);
        }
        IntegrationDetail never = saved("many-never");
        HealthReport report = report();
        assertThat(report.total()).isEqualTo(failing + 1);
        assertThat(report.counts()).isEqualTo(new HealthCounts(failing, 0, 0, 1, 0));
        assertThat(report.items()).hasSize(HealthService.MAX_ROWS);
        assertThat(report.items()).extracting(HealthItem::id)
                .containsExactlyElementsOf(failed.subList(0, HealthService.MAX_ROWS).stream().map(IntegrationDetail::id)
                        .toList())
                .doesNotContain(never.id());
        assertThat(report.allWell()).isFalse();
    }

    @Test
    void allWellSaysWhenTheNewestTestRan() {
        IntegrationDetail a = saved("ok-a");
        IntegrationDetail b = saved("ok-b");
        stored(a, Duration.ofHours(2), "CONNECTED", CONNECTED);
        stored(b, Duration.ofMinutes(30), "CONNECTED", CONNECTED);
        HealthReport report = report();
        assertThat(report.allWell()).isTrue();
        assertThat(report.newestCheck()).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(report.anyEnabled()).isTrue();
        assertThat(report.counts()).isEqualTo(new HealthCounts(0, 0, 0, 0, 0));
    }

    @Test
    void worstFirstAndCountsOfEachState() {
        // names in the reverse of the expected order, so sorting by name alone would fail
        IntegrationDetail stale = saved("a-stale");
        stored(stale, Duration.ofDays(2), "CONNECTED", CONNECTED);
        IntegrationDetail never = saved("b-never");
        IntegrationDetail expiring = saved("c-expiring", today.plusDays(3));
        stored(expiring, Duration.ofHours(1), "CONNECTED", CONNECTED);
        IntegrationDetail warning = saved("d-warning");
        stored(warning, Duration.ofHours(1), "WARNING", WARNED);
        IntegrationDetail failingLater = saved("e-failing-later", today.plusDays(2));
        stored(failingLater, Duration.ofHours(1), "FAILED", FAILED);
        IntegrationDetail failingLonger = saved("f-failing-longer");
        stored(failingLonger, Duration.ofHours(5), "FAILED", FAILED);
        stored(failingLonger, Duration.ofHours(1), "FAILED", FAILED);
        IntegrationDetail fine = saved("g-fine");
        stored(fine, Duration.ofHours(1), "CONNECTED", CONNECTED);
        // stale and expiring: one row (expiring, the worse), counted in both states
        IntegrationDetail staleExpiring = saved("h-stale-expiring", today.plusDays(5));
        stored(staleExpiring, Duration.ofDays(2), "CONNECTED", CONNECTED);

        HealthReport report = report();
        assertThat(report.items()).extracting(HealthItem::id).containsExactly(failingLonger.id(),
                failingLater.id(), warning.id(), expiring.id(), staleExpiring.id(), never.id(), stale.id());
        assertThat(report.items()).extracting(HealthItem::attention).containsExactly(Attention.FAILING,
                Attention.FAILING, Attention.WARNING, Attention.EXPIRING, Attention.EXPIRING, Attention.NEVER_TESTED,
                Attention.STALE);
        // the failing integration with an expiring token counts in both, and so does the stale expiring one
        assertThat(report.counts()).isEqualTo(new HealthCounts(2, 1, 3, 1, 2));
        assertThat(report.total()).as("each integration once").isEqualTo(7);
        assertThat(report.newestCheck()).isEqualTo(now.minus(Duration.ofHours(1)));
    }

    @Test
    void aViewerMayReadAndAnonymousIsRefused() {
        saved("roles");
        assertThat(As.user("health-viewer", "VIEWER", () -> health.report()).items()).hasSize(1);
        assertThatThrownBy(() -> health.report()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
