package com.infrakitchen.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, written before the request is handled. Spring Security writes its
 * headers when the response is committed, and Vaadin's page responses were seen to leave without them
 * (only Vaadin's own {@code X-Frame-Options: SAMEORIGIN}); setting them first makes them unconditional.
 * Vaadin leaves an {@code X-Frame-Options} header that is already present alone. The same set goes on every
 * response, pages, the login page, redirects and errors alike; HSTS only on HTTPS (directly or through a
 * trusted proxy).
 */
@Configuration
class SecurityHeaders {

    static final String CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setHeader("X-Content-Type-Options", "nosniff");
                        response.setHeader("X-Frame-Options", "DENY");
                        response.setHeader("Content-Security-Policy", CSP);
                        response.setHeader("Referrer-Policy", "same-origin");
                        response.setHeader("X-XSS-Protection", "0");
                        // Spring Security's cache defaults, which Vaadin's page responses (the login page among
                        // them) were seen to leave without; Vaadin's own static files override them.
                        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
                        response.setHeader("Pragma", "no-cache");
                        response.setHeader("Expires", "0");
                        if (request.isSecure()) {
                            response.setHeader("Strict-Transport-Security", HSTS);
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
