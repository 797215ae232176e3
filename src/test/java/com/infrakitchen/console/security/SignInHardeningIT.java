package com.infrakitchen.console.security;

import static com.infrakitchen.console.support.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.WebClient;
import com.infrakitchen.console.user.NewUser;
import com.infrakitchen.console.user.UserService;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 9, item 3 over real HTTP: login CSRF, lockout per account and address with an admin unlock, the
 * session cookie's attributes behind a proxy, relative redirects, the same headers on /login, and a clean
 * 413 for an oversized sign-in body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    private String username;
    private long userId;
    private final String password = "correct-horse-battery";

    @BeforeEach
    void freshAdmin() {
        throttle.reset();
        username = "hard-" + UUID.randomUUID().toString().substring(0, 8);
        userId = As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(username, "ADMIN", password)))
                .user().id();
    }

    private WebClient from(String address) {
        return new WebClient(port).header("X-Forwarded-For", address);
    }

    // --- login CSRF -------------------------------------------------------------------------------------

    @Test
    void aSignInPostWithoutTheCsrfTokenIsRefusedWith403AndSignsNobodyIn() throws Exception {
        WebClient victim = new WebClient(port);
        victim.get("/login");
        HttpResponse<String> forged = victim.http().send(victim.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(victim.get("/actuator/metrics").statusCode()).isNotEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED'"
                + " AND actor = ?", Long.class, username)).isZero();

        WebClient noSession = new WebClient(port);
        assertThat(noSession.loginWithoutToken(username, password).statusCode()).isEqualTo(403);
        assertThat(noSession.postLogin(username, password, "_csrf=made-up").statusCode()).isEqualTo(403);
    }

    @Test
    void theLoginPagesOwnTokenSignsIn() throws Exception {
        WebClient client = new WebClient(port);
        HttpResponse<String> ok = client.login(username, password);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(location(ok)).doesNotContain("error");
        assertThat(client.get("/actuator/metrics").statusCode()).isEqualTo(200);
    }

    // --- lockout per (account, address) -------------------------------------------------------------------

    @Test
    void fiveFailuresLockTheAccountFromThatAddressOnlyAndTheSixthPasswordIsNotChecked() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(location(from("203.0.113.7").login(username, "wrong-" + i))).endsWith("/login?error");
        }
        // the sixth attempt, with the right password, is refused without a password check
        assertThat(location(from("203.0.113.7").login(username, password))).endsWith("/login?error");
        assertThat(jdbc.queryForList("SELECT details FROM audit_event WHERE action = 'LOGIN_FAILED'"
                + " AND source_ip = '203.0.113.7' ORDER BY id DESC", String.class).getFirst()).contains("throttled");

        // the owner at another address is not locked out, nor is another account behind the attacker's NAT
        assertThat(location(from("198.51.100.9").login(username, password))).doesNotContain("error");
        String colleague = "nat-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("setup-admin", "ADMIN", () -> users.create(new NewUser(colleague, "VIEWER", password)));
        assertThat(location(from("203.0.113.7").login(colleague, password))).doesNotContain("error");

        List<Map<String, Object>> locks = jdbc.queryForList("SELECT source_ip, details FROM audit_event"
                + " WHERE action = 'ACCOUNT_LOCKED' AND actor = ?", username);
        assertThat(locks).hasSize(1);
        assertThat(locks.getFirst().get("source_ip")).isEqualTo("203.0.113.7");
        assertThat((String) locks.getFirst().get("details")).contains("\"from\":\"203.0.113.7\"");
    }

    @Test
    void manyFailuresFromOneAddressDoNotLockOtherAccountsBehindIt() throws Exception {
        for (int i = 0; i < 25; i++) {
            from("192.0.2.50").login("nobody-" + i, "wrong");
        }
        assertThat(location(from("192.0.2.50").login(username, password))).doesNotContain("error");
    }

    @Test
    void anAdminUnlocksAnAccountAndTheUnlockIsAudited() throws Exception {
        for (int i = 0; i < 5; i++) {
            from("203.0.113.8").login(username, "wrong-" + i);
        }
        assertThat(As.user("setup-admin", "ADMIN", () -> users.lockedUsernames())).contains(username);
        assertThatThrownBy(() -> As.user("someone", "EDITOR", () -> users.unlock(userId)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(As.user("setup-admin", "ADMIN", () -> users.unlock(userId))).isEqualTo(1);
        assertThat(As.user("setup-admin", "ADMIN", () -> users.lockedUsernames())).doesNotContain(username);
        assertThat(location(from("203.0.113.8").login(username, password))).doesNotContain("error");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE action = 'ACCOUNT_UNLOCKED'"
                + " AND target_name = ? AND actor = 'setup-admin'", String.class, username)).contains("203.0.113.8");
    }

    // --- cookies, proxies, redirects --------------------------------------------------------------------

    @Test
    void theSessionCookieIsLaxAndHttpOnlyAndSecureWhenTheProxySaysHttps() throws Exception {
        String plain = sessionCookie(new WebClient(port).get("/login"));
        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContainIgnoringCase("Secure");

        String viaTls = sessionCookie(new WebClient(port).header("X-Forwarded-Proto", "https").get("/login"));
        assertThat(viaTls).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
    }

    @Test
    void sessionsAreTrackedByCookieOnlyNeverInUrls() throws Exception {
        HttpResponse<String> page = new WebClient(port).get("/login");
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
        HttpResponse<String> toLogin = new WebClient(port).get("/integrations");
        assertThat(location(toLogin)).doesNotContainIgnoringCase("jsessionid");

        // a session id in the URL is not taken
        WebClient client = new WebClient(port);
        client.login(username, password);
        String id = client.session();
        HttpResponse<String> urlSession = new WebClient(port).get("/actuator/metrics;jsessionid=" + id);
        assertThat(urlSession.statusCode()).isNotEqualTo(200);
    }

    @Test
    void redirectsAreRelativeWhateverTheHostHeaderSays() throws Exception {
        String toLogin = raw("GET /integrations HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertThat(toLogin).startsWith("HTTP/1.1 302");
        assertThat(header(toLogin, "Location")).isEqualTo("/login");

        String forwarded = raw("GET /integrations HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: attacker.example"
                + "\r\nConnection: close\r\n\r\n");
        assertThat(header(forwarded, "Location")).isEqualTo("/login");

        HttpResponse<String> failed = new WebClient(port).login(username, "wrong");
        assertThat(location(failed)).isEqualTo("/login?error");
    }

    @Test
    void theLoginPageAndItsAnswersCarryTheSameSecurityHeadersAsEveryOtherPage() throws Exception {
        WebClient signedIn = new WebClient(port);
        signedIn.login(username, password);
        HttpResponse<String> page = signedIn.get("/integrations");
        assertThat(page.statusCode()).isEqualTo(200);

        WebClient anonymous = new WebClient(port);
        Map<String, HttpResponse<String>> responses = Map.of(
                "GET /login", anonymous.get("/login"),
                "POST /login (failure)", anonymous.login(username, "wrong"),
                "POST /login (no token)", new WebClient(port).loginWithoutToken(username, "wrong"),
                "GET /integrations", page);
        for (Map.Entry<String, HttpResponse<String>> e : responses.entrySet()) {
            HttpResponse<String> r = e.getValue();
            assertThat(r.headers().allValues("X-Frame-Options")).as(e.getKey()).containsExactly("DENY");
            assertThat(r.headers().allValues("X-Content-Type-Options")).as(e.getKey()).containsExactly("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(e.getKey())
                    .contains(SecurityHeaders.CSP);
            assertThat(r.headers().firstValue("Referrer-Policy")).as(e.getKey()).contains("same-origin");
            assertThat(r.headers().firstValue("Cache-Control")).as(e.getKey())
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }

    // --- oversized sign-in body ---------------------------------------------------------------------------

    @Test
    void anOversizedSignInBodyGets413AndOneWarningAtMost(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        String big = "username=" + username + "&password=" + "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> r = new WebClient(port).postLogin(username, "ignored", "pad=" + big);
        assertThat(r.statusCode()).isEqualTo(413);

        String chunk = "username=a&password=" + "y".repeat(3 * 1024 * 1024);
        String chunked = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(chunk.length())
                + "\r\n" + chunk + "\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 413");

        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(logged.lines().filter(l -> l.contains("WARN")).count()).isLessThanOrEqualTo(2);
        assertThat(logged).doesNotContain("xxxxxxxx").doesNotContain("yyyyyyyy");
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set"));
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (java.io.IOException e) {
                // the server may answer and close before the whole body is sent
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0 && answer.size() < 200_000) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.io.IOException e) {
                // connection reset after the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(l -> !l.isEmpty())
                .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse("(none)");
    }
}
