package com.infrakitchen.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.check.CheckResult;
import com.infrakitchen.console.integration.check.CheckService;
import com.infrakitchen.console.integration.check.TestRequest;
import com.infrakitchen.console.integration.credential.AccessTokenInput;
import com.infrakitchen.console.integration.credential.CredentialChange;
import com.infrakitchen.console.integration.diagnosis.CheckCategory;
import com.infrakitchen.console.secret.Secret;
import com.infrakitchen.console.security.ScrapeRefused;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.WebClient;
import com.infrakitchen.console.support.fakeado.FakeTokens;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /actuator/prometheus} over real HTTP without a scrape credential configured (the default, shared with
 * SignInIT's context): only an ADMIN session reads it; anonymous 401 (a challenge, not the sign-in page), viewer
 * 403, and HTTP Basic refused whatever it carries, even a real admin's name and password. What it publishes is
 * the list the README documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrometheusEndpointIT {

    static final String PATH = "/actuator/prometheus";
    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    CheckService checks;
    @Autowired
    JdbcTemplate jdbc;

    String user(String role) {
        String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(name, role, PASSWORD)));
        return name;
    }

    WebClient signedIn(String role) throws Exception {
        WebClient client = new WebClient(port);
        client.login(user(role), PASSWORD);
        return client;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousGets401WithABasicChallengeNotTheSignInPage() throws Exception {
        HttpResponse<String> r = new WebClient(port).get(PATH);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "Basic"));
        assertThat(r.headers().firstValue("Set-Cookie")).as("no session for a scraper").isEmpty();
    }

    @Test
    void viewersAndEditorsGet403AndItIsAudited() throws Exception {
        for (String role : new String[] {"VIEWER", "EDITOR"}) {
            WebClient client = new WebClient(port);
            String name = user(role);
            client.login(name, PASSWORD);
            assertThat(client.get(PATH).statusCode()).as(role).isEqualTo(403);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED'"
                    + " AND actor = ? AND target_name LIKE '%/actuator/prometheus'", Long.class, name)).isEqualTo(1);
        }
    }

    @Test
    void anAdminSessionReadsEveryDocumentedMeter() throws Exception {
        HttpResponse<String> r = signedIn("ADMIN").get(PATH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "text/plain"));
        String body = r.body();
        for (String status : new String[] {"connected", "warning", "failed", "outdated", "never_tested"}) {
            assertThat(body).contains("console_integrations{status=\"" + status + "\"}");
        }
        for (String bucket : new String[] {"expired", "1d", "7d", "14d", "later", "none"}) {
            assertThat(body).contains("console_integrations_expiry{bucket=\"" + bucket + "\"}");
        }
        assertThat(body).contains("# TYPE console_integrations gauge")
                .contains("console_check_duration_seconds_bucket{outcome=\"failed\",trigger=\"scheduled\",le=")
                .contains("console_check_duration_seconds_count{outcome=\"connected\",trigger=\"manual\"}")
                .contains("console_health_scheduled_runs_total{outcome=\"connected\"}")
                .contains("console_health_scheduled_lag_seconds_bucket{le=\"3600.0\"}")
                .contains("console_health_scheduled_lag_seconds_count");
    }

    @Test
    void withoutAConfiguredCredentialBasicIsRefusedEvenWithAnAdminsOwnPassword() throws Exception {
        String admin = user("ADMIN");
        long before = deniedScrapes();
        WebClient client = new WebClient(port);
        HttpResponse<String> r = client.http().send(client.request(PATH).header("Authorization",
                basic(admin, PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("console_integrations");
        // audited as a denied access (the only refused scrape of this context, so not held back by the limits)
        assertThat(deniedScrapes()).isEqualTo(before + 1);
        assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE actor = ?", String.class,
                ScrapeRefused.ACTOR)).noneMatch(d -> d != null && d.contains(PASSWORD));
    }

    @Test
    void aFinishedTestIsTimedByOutcomeAndTrigger() throws Exception {
        WebClient admin = signedIn("ADMIN");
        // a form's test runs as MANUAL (FORM is how its result is labelled when the form is saved, not a new test)
        double before = count(admin.get(PATH).body(), "connected", "manual");
        CheckResult r = As.user("metrics-editor-" + UUID.randomUUID().toString().substring(0, 6), "EDITOR",
                () -> checks.test(TestRequest.ofForm("metrics-form", "typed-name", "contoso", CredentialChange.replace(
                        new AccessTokenInput(Secret.of(FakeTokens.PAT_FULL), null))))).result().get(20,
                TimeUnit.SECONDS);
        assertThat(r.category()).isEqualTo(CheckCategory.CONNECTED);
        String after = admin.get(PATH).body();
        assertThat(count(after, "connected", "manual")).isEqualTo(before + 1);
        assertThat(after).doesNotContain(FakeTokens.PAT_FULL);
    }

    long deniedScrapes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?"
                + " AND target_name = 'GET /actuator/prometheus'", Long.class, ScrapeRefused.ACTOR);
    }

    static double count(String body, String outcome, String trigger) {
        Matcher m = Pattern.compile("console_check_duration_seconds_count\\{outcome=\"" + outcome + "\",trigger=\""
                + trigger + "\"} (\\S+)").matcher(body);
        assertThat(m.find()).as("the count of " + outcome + "/" + trigger).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
