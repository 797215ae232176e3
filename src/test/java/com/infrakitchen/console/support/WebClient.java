package com.infrakitchen.console.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client for the sign-in tests that does not follow redirects. {@link #login} signs in
 * the way the login page does: it loads /login and posts the form with the CSRF token from its meta tags.
 */
public final class WebClient {

    private static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebClient(int port) {
        this.port = port;
    }

    /** A header sent with every request of this client (e.g. X-Forwarded-For from a "proxy"). */
    public WebClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF parameter name and token from the login page's meta tags (loads /login). */
    public String[] csrfFromLoginPage() throws Exception {
        HttpResponse<String> page = get("/login");
        Map<String, String> meta = new LinkedHashMap<>();
        Matcher m = META.matcher(page.body());
        while (m.find()) {
            meta.put(m.group(1), m.group(2));
        }
        if (!meta.containsKey("_csrf") || !meta.containsKey("_csrf_parameter")) {
            throw new AssertionError("The login page has no CSRF meta tags (status " + page.statusCode() + ")");
        }
        return new String[] {meta.get("_csrf_parameter"), meta.get("_csrf")};
    }

    /** Signs in like the login page: with the page's CSRF token. */
    public HttpResponse<String> login(String user, String password) throws Exception {
        String[] csrf = csrfFromLoginPage();
        return postLogin(user, password, csrf[0] + "=" + encode(csrf[1]));
    }

    /** Posts the sign-in form without any CSRF token (what a foreign page can do). */
    public HttpResponse<String> loginWithoutToken(String user, String password) throws Exception {
        return postLogin(user, password, null);
    }

    public HttpResponse<String> postLogin(String user, String password, String extra) throws Exception {
        String form = "username=" + encode(user) + "&password=" + encode(password) + (extra == null ? "" : "&" + extra);
        return http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String session() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public void setSession(String id) {
        HttpCookie c = new HttpCookie("JSESSIONID", id);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(uri("/"), c);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        headers.forEach(b::header);
        return b;
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("(no redirect, status " + r.statusCode() + ")");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
