package com.infrakitchen.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.Browser;
import com.infrakitchen.console.support.BrowserSession;
import com.infrakitchen.console.support.ConsoleCluster;
import com.infrakitchen.console.support.ConsoleCluster.Instance;
import com.infrakitchen.console.support.Eventually;
import com.infrakitchen.console.support.IndicatorPage;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.SetupFormPage;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 14: two console instances as separate JVMs from the built jar, sharing one PostgreSQL database and key set,
 * behind HAProxy with the shipped configuration (support.ConsoleCluster, what deploy/cluster.sh starts), and
 * Chromium through HAProxy. What is saved on one instance is seen on the other; the sign-in throttle and the Test
 * Connection limit hold across both (decision 0017); a scheduled re-check runs once per slot across both; after
 * {@code kill -9} of
 * the instance serving the browser, the next action lands on the sign-in page saying why, and everything saved is
 * there after signing in. Runs in failsafe's integration-test phase, after the jar is built.
 */
@EnabledIfSystemProperty(named = "e2e", matches = "true", disabledReason = Browser.DISABLED_REASON)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2E {

    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(20);
    static final String NAME = "cluster-e2e-" + Long.toString(System.nanoTime() % 100_000, 36);

    static ConsoleCluster cluster;

    BrowserSession browser;
    ChromeDriver driver;

    @BeforeAll
    static void startCluster() throws Exception {
        Browser.assumeEnabled();
        cluster = ConsoleCluster.start(2, List.of("--app.health.check-interval=" + RECHECK_INTERVAL,
                "--app.login.base-delay=PT5S"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new BrowserSession(cluster.balancerPort());
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** The instance HAProxy pinned this browser to (its SRV cookie). */
    String servedBy() {
        Cookie srv = driver.manage().getCookieNamed("SRV");
        assertThat(srv).as("HAProxy's sticky cookie").isNotNull();
        return srv.getValue();
    }

    /**
     * Pins the browser to {@code instance}, as its cookie would after HAProxy chose it. From a page that sends nothing
     * by itself (a Vaadin page's push or heartbeat request between deleting and adding the cookie went out without
     * one, and HAProxy's answer set the cookie of the instance it chose over ours).
     */
    void pinTo(Instance instance) {
        browser.open("/actuator/health/readiness");
        driver.manage().deleteCookieNamed("SRV");
        driver.manage().addCookie(new Cookie("SRV", instance.cookie(), "/"));
    }

    Instance other(String cookie) {
        return cluster.instances().stream().filter(i -> !i.cookie().equals(cookie)).findFirst().orElseThrow();
    }

    void signInAsAdmin() {
        browser.signIn("admin", ConsoleCluster.ADMIN_PASSWORD);
        browser.waitForUrl("/integrations");
    }

    @Test
    @Order(1)
    void whatOneInstanceSavesAndTestsTheOtherShows() throws Exception {
        signInAsAdmin();
        String first = servedBy();
        SetupFormPage form = new SetupFormPage(browser);
        IndicatorPage indicator = new IndicatorPage(browser);
        form.open();
        form.typeName(NAME);
        form.typeOrganization("contoso");
        form.typeToken(FakeTokens.PAT_FULL);
        form.saveAndAwaitDetail();
        form.pressTestConnection();
        indicator.awaitState("CONNECTED");
        assertThat(indicator.headline()).isEqualTo("Connected as Alice");
        assertThat(servedBy()).as("sticky: the same instance throughout").isEqualTo(first);
        Browser.screenshot(driver, "cluster-01-tested-on-" + first);

        Instance second = other(first);
        pinTo(second);
        signInAsAdmin();
        assertThat(servedBy()).isEqualTo(second.cookie());
        browser.open("/integrations?q=" + NAME);
        browser.waitForText(NAME);
        browser.waitForText("Connected");
        Browser.screenshot(driver, "cluster-02-seen-on-" + second.cookie());
    }

    @Test
    @Order(2)
    void aSignInLockReachedOnOneInstanceHoldsOnTheOther() throws Exception {
        Instance a = cluster.instances().get(0);
        Instance b = cluster.instances().get(1);
        pinTo(a);
        for (int n = 1; n <= 5; n++) {
            browser.signIn("admin", "not-the-password-" + n);
            browser.waitForUrl("error");
        }
        pinTo(b);
        browser.signIn("admin", ConsoleCluster.ADMIN_PASSWORD);
        browser.waitForUrl("error");
        browser.waitForText("Sign-in failed");
        Browser.screenshot(driver, "cluster-03-locked-on-" + b.cookie());
        // the lock fades (app.login.base-delay, doubled by the refused attempt): then the password works again
        Eventually.await("the sign-in lock to fade", Duration.ofSeconds(90), () -> {
            browser.signIn("admin", ConsoleCluster.ADMIN_PASSWORD);
            try {
                browser.waitForUrl("/integrations");
                return true;
            } catch (org.openqa.selenium.TimeoutException stillLocked) {
                return false;
            }
        });
    }

    @Test
    @Order(3)
    void theTestLimitReachedOnOneInstanceHoldsOnTheOther() throws Exception {
        // start with a minute of admin's allowance (5 tests) that earlier steps used none of
        Eventually.await("admin's earlier tests to leave the minute", Duration.ofSeconds(90),
                () -> secondsSinceAdminsLastTest() > 61);
        Instance a = cluster.instances().get(0);
        Instance b = cluster.instances().get(1);
        SetupFormPage form = new SetupFormPage(browser);
        IndicatorPage indicator = new IndicatorPage(browser);
        pinTo(a);
        signInAsAdmin();
        form.open();
        form.typeOrganization("contoso");
        form.typeToken(FakeTokens.PAT_FULL);
        for (int n = 1; n <= 5; n++) {
            assertThat(pressAndAwaitAudit(form)).as("test %d of 5 on %s", n, a.cookie()).isNotEqualTo("DENIED");
            indicator.awaitState("CONNECTED");
        }
        pinTo(b);
        signInAsAdmin();
        assertThat(servedBy()).isEqualTo(b.cookie());
        form.open();
        form.typeOrganization("contoso");
        form.typeToken(FakeTokens.PAT_FULL);
        assertThat(pressAndAwaitAudit(form)).as("the sixth test in the minute, on the other instance")
                .isEqualTo("DENIED");
        indicator.awaitState("FAILED");
        assertThat(indicator.headline()).isEqualTo("Too many tests in a short time");
        Browser.screenshot(driver, "cluster-04-test-limit-on-" + b.cookie());
    }

    /** Presses Test Connection and waits for its audit record (a refused test has one too); returns its outcome. */
    String pressAndAwaitAudit(SetupFormPage form) throws Exception {
        long before = adminTestsAudited();
        form.pressTestConnection();
        Eventually.await("the test's audit record", Duration.ofSeconds(30), () -> adminTestsAudited() > before);
        return query("SELECT outcome FROM audit_event WHERE action = 'CONNECTION_TESTED' AND actor = 'admin'"
                + " ORDER BY id DESC FETCH FIRST 1 ROW ONLY");
    }

    long adminTestsAudited() {
        return Long.parseLong(query("SELECT COUNT(*) FROM audit_event WHERE action = 'CONNECTION_TESTED'"
                + " AND actor = 'admin'"));
    }

    /** Seconds since admin's newest test in the audit trail, by the database's clock (a large number if none). */
    long secondsSinceAdminsLastTest() {
        String seconds = query("SELECT CAST(EXTRACT(EPOCH FROM (now() - MAX(occurred_at))) AS BIGINT) FROM audit_event"
                + " WHERE action = 'CONNECTION_TESTED' AND actor = 'admin'");
        return seconds == null ? Long.MAX_VALUE : Long.parseLong(seconds);
    }

    /** The first column of the first row of {@code sql} on the cluster's database, as text. */
    String query(String sql) {
        try (Connection c = DriverManager.getConnection(cluster.databaseUrl(), Postgres.USER, Postgres.PASSWORD);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void aScheduledRecheckRunsOncePerSlotAcrossBothInstances() throws Exception {
        List<Instant> runs = new ArrayList<>();
        Eventually.await("three scheduled re-checks of " + NAME, Duration.ofSeconds(120), () -> {
            runs.clear();
            runs.addAll(scheduledRuns(NAME));
            return runs.size() >= 3;
        });
        for (int k = 1; k < runs.size(); k++) {
            assertThat(Duration.between(runs.get(k - 1), runs.get(k)))
                    .as("re-checks of %s at %s: one per slot of %s, never two", NAME, runs, RECHECK_INTERVAL)
                    .isGreaterThan(RECHECK_INTERVAL.dividedBy(2));
        }
    }

    @Test
    @Order(5)
    void afterKillMinus9OfItsInstanceTheBrowserIsAskedToSignInAgainAndNothingSavedIsLost() throws Exception {
        signInAsAdmin();
        browser.open("/integrations?q=" + NAME);
        browser.waitForText(NAME);
        Instance serving = cluster.instance(servedBy());
        cluster.kill(serving);

        // the next action of the open tab: Vaadin's request reaches the other instance, which has no session
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Health']"));
        browser.waitForUrl("session-ended");
        browser.waitForText("Your session ended");
        Browser.screenshot(driver, "cluster-05-session-ended");
        assertThat(servedBy()).isNotEqualTo(serving.cookie());

        signInAsAdmin();
        browser.open("/integrations?q=" + NAME);
        browser.waitForText(NAME);
        browser.waitForText("Connected");
        Browser.screenshot(driver, "cluster-06-after-the-kill");
    }

    /** When the scheduler re-checked the integration named {@code name}, oldest first. */
    static List<Instant> scheduledRuns(String name) {
        List<Instant> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(cluster.databaseUrl(), Postgres.USER, Postgres.PASSWORD);
                PreparedStatement s = c.prepareStatement("SELECT k.checked_at FROM integration_check k"
                        + " JOIN integration i ON i.id = k.integration_id WHERE i.name = ?"
                        + " AND k.trigger_kind = 'SCHEDULED' ORDER BY k.checked_at")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
