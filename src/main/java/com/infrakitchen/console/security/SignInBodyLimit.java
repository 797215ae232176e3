package com.infrakitchen.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an oversized form post with a plain 413 and one WARN line. A sign-in body is a few hundred bytes:
 * a declared length above {@code app.login.max-body-bytes} is refused before anything reads it. A form body
 * the container refuses to parse (larger than its limit, e.g. sent chunked) would otherwise escape as an
 * exception, logged twice as an ERROR with its stack trace; it is caught here instead. Nothing of the body
 * is logged.
 */
@Configuration
class SignInBodyLimit {

    private static final Logger log = LoggerFactory.getLogger(SignInBodyLimit.class);
    static final String LOGIN_PATH = "/login";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInBodyLimitFilter(
            @Value("${app.login.max-body-bytes:8192}") long maxLoginBytes) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        if (!"POST".equals(request.getMethod())) {
                            chain.doFilter(request, response);
                            return;
                        }
                        boolean signIn = LOGIN_PATH.equals(request.getRequestURI());
                        long declared = request.getContentLengthLong();
                        if (signIn && declared > maxLoginBytes) {
                            refuse(request, response, declared + " bytes (limit " + maxLoginBytes + ")");
                            return;
                        }
                        try {
                            if (signIn) {
                                request.getParameterMap(); // parse now, where a refusal can be answered cleanly
                            }
                            chain.doFilter(request, response);
                        } catch (InvalidParameterException e) {
                            if (response.isCommitted()) {
                                throw e;
                            }
                            refuse(request, response, "a form the server would not parse (" + e.getErrorCode()
                                    + ")");
                        }
                    }
                });
        // after the security headers, before Spring Security (which reads the form)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String what)
            throws IOException {
        log.warn("Refused an oversized POST to {} from {}: {}", request.getRequestURI(), request.getRemoteAddr(),
                what);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Connection", "close");
        response.getOutputStream().write("Request too large.\n".getBytes(StandardCharsets.UTF_8));
    }
}
