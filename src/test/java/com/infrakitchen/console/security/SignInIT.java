package com.infrakitchen.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.WebClient;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-in over real HTTP: generic failures, throttling, session rotation, actuator access. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIT {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    private String username;
    private final String password = "correct-horse-battery";

    @BeforeEach
    void freshUser() {
        throttle.reset();
        username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(username, "VIEWER", password)));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        Client client = new Client();
        HttpResponse<String> wrong = client.login(username, "not-the-password");
        HttpResponse<String> unknown = new Client().login("nobody-" + username, "not-the-password");
        assertThat(location(wrong)).endsWith("/login?error");
        assertThat(location(unknown)).isEqualTo(location(wrong));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED'"
                + " AND actor = ?", Long.class, username)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'LOGIN_FAILED'", String.class))
                .doesNotContain("nobody-" + username);
    }

    @Test
    void signingInRotatesTheSessionIdAndTheOldIdIsNotSignedIn() throws Exception {
        Client client = new Client();
        client.get("/login");
        String before = client.session();
        assertThat(before).isNotNull();
        HttpResponse<String> ok = client.login(username, password);
        assertThat(location(ok)).doesNotContain("error");
        String after = client.session();
        assertThat(after).isNotEqualTo(before);

        Client stale = new Client();
        stale.setSession(before);
        assertThat(stale.get("/actuator/metrics").statusCode()).isNotEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED'"
                + " AND actor = ?", Long.class, username)).isEqualTo(1);
    }

    @Test
    void afterFiveFailuresTheAccountIsLockedEvenForTheRightPasswordAndTheLockIsAudited() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(location(new Client().login(username, "wrong-" + i))).endsWith("/login?error");
        }
        assertThat(location(new Client().login(username, password))).endsWith("/login?error");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_LOCKED'"
                + " AND actor = ?", Long.class, username)).isEqualTo(1);

        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(other, "VIEWER", password)));
        assertThat(location(new Client().login(other, password))).doesNotContain("error");
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        long id = As.user("setup-admin", "ADMIN", () -> users.list()).stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow().id();
        As.user("setup-admin", "ADMIN", () -> users.setEnabled(id, false));
        assertThat(location(new Client().login(username, password))).endsWith("/login?error");
    }

    @Test
    void healthIsOpenAndOtherActuatorEndpointsAreForAdminsOnly() throws Exception {
        Client anonymous = new Client();
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").statusCode()).isNotEqualTo(200);

        Client viewer = new Client();
        viewer.login(username, password);
        assertThat(viewer.get("/actuator/metrics").statusCode()).isEqualTo(403);

        Client admin = new Client();
        String adminName = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(adminName, "ADMIN", password)));
        admin.login(adminName, password);
        assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAndEndpointsCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/actuator/health"}) {
            HttpResponse<String> r = new Client().get(path);
            assertThat(r.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
                    v -> assertThat(v).contains("frame-ancestors 'none'"));
        }
    }

    private static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("(no redirect, status " + r.statusCode() + ")");
    }

    /** A cookie-keeping HTTP client that does not follow redirects and signs in like the login page. */
    private final class Client {
        private final WebClient web = new WebClient(port);

        HttpResponse<String> get(String path) throws Exception {
            return web.get(path);
        }

        HttpResponse<String> login(String user, String pw) throws Exception {
            return web.login(user, pw);
        }

        String session() {
            return web.session();
        }

        void setSession(String id) {
            web.setSession(id);
        }
    }
}
