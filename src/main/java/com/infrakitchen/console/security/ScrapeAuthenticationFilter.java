package com.infrakitchen.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /actuator/prometheus} only, against the one configured scrape credential (never a user
 * account: a user's password is never accepted here, so sign-in throttling cannot be bypassed). The user name and
 * the password are compared in constant time (SHA-256 of each side, then {@link MessageDigest#isEqual}), so neither
 * their content nor their length leaks through timing. An accepted scraper is authenticated for this request only
 * (nothing is stored in a session); a refused one gets 401 at once and a {@link ScrapeRefused} event. Without an
 * {@code Authorization: Basic} header the request goes on unchanged (an ADMIN's session decides).
 */
final class ScrapeAuthenticationFilter extends OncePerRequestFilter {

    /** The authority of an accepted scraper; no role of the console, so it opens nothing else. */
    static final String SCRAPER_AUTHORITY = "METRICS_SCRAPE";
    static final String CHALLENGE = "Basic realm=\"metrics\", charset=\"UTF-8\"";

    private final MetricsScrapeProperties properties;
    private final ApplicationEventPublisher events;

    ScrapeAuthenticationFilter(MetricsScrapeProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        if (!accepted(header.substring(6).trim())) {
            events.publishEvent(new ScrapeRefused(request.getMethod(), request.getRequestURI()));
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(properties.scrapeUsername(), null,
                List.of(new SimpleGrantedAuthority(SCRAPER_AUTHORITY))));
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private boolean accepted(String encoded) {
        String username = properties.scrapeUsername();
        String password = properties.scrapePassword();
        if (username == null || password == null) {
            return false; // no scrape credential configured: Basic is never accepted
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // both compared, always, with & rather than &&: no early exit tells which one was wrong
        return equalInConstantTime(decoded.substring(0, colon), username)
                & equalInConstantTime(decoded.substring(colon + 1), password);
    }

    /** Constant time whatever the lengths: the digests of both sides are compared, not the strings. */
    static boolean equalInConstantTime(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
