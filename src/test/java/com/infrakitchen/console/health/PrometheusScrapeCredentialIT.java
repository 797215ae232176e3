package com.infrakitchen.console.health;

import static com.infrakitchen.console.health.PrometheusEndpointIT.PATH;
import static com.infrakitchen.console.health.PrometheusEndpointIT.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.security.ScrapeRefused;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.WebClient;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /actuator/prometheus} with a scrape credential configured (docs/decisions/0016): the right one reads the
 * endpoint and nothing else, leaves no session, and a wrong one is 401 and audited; an ADMIN session still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.metrics.scrape-username=" + PrometheusScrapeCredentialIT.USER,
        "app.metrics.scrape-password=" + PrometheusScrapeCredentialIT.PASSWORD})
class PrometheusScrapeCredentialIT {

    static final String USER = "prometheus";
    /** A test value, not a secret. */
    static final String PASSWORD = "scrape-test-password-not-a-secret";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    HttpResponse<String> get(String path, String authorization) throws Exception {
        WebClient client = new WebClient(port);
        return client.http().send(client.request(path).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theScrapeCredentialReadsTheMetricsAndLeavesNoSession() throws Exception {
        HttpResponse<String> r = get(PATH, basic(USER, PASSWORD));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("console_integrations{status=\"failed\"}");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theScrapeCredentialOpensNothingElse() throws Exception {
        assertThat(get("/actuator/metrics", basic(USER, PASSWORD)).statusCode()).isNotEqualTo(200);
        assertThat(get("/actuator/env", basic(USER, PASSWORD)).statusCode()).isNotEqualTo(200);
        HttpResponse<String> page = get("/integrations", basic(USER, PASSWORD));
        assertThat(WebClient.location(page)).endsWith("/login");
    }

    @Test
    void aWrongCredentialIs401AndAudited() throws Exception {
        long before = deniedScrapes();
        for (String wrong : new String[] {basic(USER, PASSWORD + "x"), basic(USER, PASSWORD.substring(1)),
                basic("Prometheus", PASSWORD), basic(USER, ""), "Basic not-base64!", basic(PASSWORD, USER)}) {
            HttpResponse<String> r = get(PATH, wrong);
            assertThat(r.statusCode()).as(wrong).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(r.body()).doesNotContain("console_integrations");
        }
        // one event for the burst (denied accesses are collapsed per actor and target per minute)
        assertThat(deniedScrapes()).isEqualTo(before + 1);
        assertThat(jdbc.queryForList("SELECT COALESCE(details, '') || target_name FROM audit_event WHERE actor = ?",
                String.class, ScrapeRefused.ACTOR)).noneMatch(d -> d.contains(PASSWORD));
    }

    @Test
    void anAdminSessionStillReadsItAndAnonymousIsStill401() throws Exception {
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(admin, "ADMIN", "correct-horse-battery")));
        WebClient client = new WebClient(port);
        client.login(admin, "correct-horse-battery");
        assertThat(client.get(PATH).statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).get(PATH).statusCode()).isEqualTo(401);
    }

    long deniedScrapes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED' AND actor = ?",
                Long.class, ScrapeRefused.ACTOR);
    }
}
