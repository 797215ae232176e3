package com.infrakitchen.console.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Web security: Vaadin's configurer (login view, navigation access control), Spring's CSRF token on every
 * unsafe request that is not Vaadin's own (the sign-in POST included), relative redirects to the login page,
 * an open health endpoint and error page, ADMIN-only actuator, Spring Security's default headers plus a CSP
 * that forbids framing, and method security for the services. See docs/decisions/0011. {@code /actuator/prometheus}
 * has a chain of its own (docs/decisions/0016): an ADMIN session or the configured scrape credential, 401 rather
 * than a sign-in redirect.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** The metrics scrape endpoint: a chain of its own, before the console's. */
    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the algorithm can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only authentication manager: no parent, so a refusal by the throttle can never fall through to
     * another provider.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService userDetails, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(
                new ThrottlingAuthenticationProvider(userDetails, passwordEncoder, throttle, events));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** Publishes denied authorizations (method security and URLs) so they reach the audit trail. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /**
     * {@code /actuator/prometheus}: a signed-in ADMIN (the session's context, as everywhere), or a scraper with the
     * configured HTTP Basic credential ({@link ScrapeAuthenticationFilter}); anything else 401 with a Basic challenge
     * (a scraper cannot follow a sign-in page), a signed-in viewer or editor 403 (audited). The request cache is
     * off and no session is created, so a scraper leaves nothing behind.
     */
    @Bean
    @Order(1)
    SecurityFilterChain prometheusFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            MetricsScrapeProperties scrape, ApplicationEventPublisher events) throws Exception {
        http.securityMatcher(PROMETHEUS);
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth.anyRequest()
                .hasAnyAuthority("ROLE_" + Roles.ADMIN, ScrapeAuthenticationFilter.SCRAPER_AUTHORITY));
        http.addFilterBefore(new ScrapeAuthenticationFilter(scrape, events), BasicAuthenticationFilter.class);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        http.requestCache(cache -> cache.disable());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CSP)));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, e) -> {
            response.setHeader("WWW-Authenticate", ScrapeAuthenticationFilter.CHALLENGE);
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        }));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            RequestUtil vaadinRequests) throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // our plain CSS (no secrets in it; the login page needs it before sign-in)
                .requestMatchers("/styles/**").permitAll()
                // Spring Boot's error page: how a refused request (403 without a CSRF token, 413) is answered
                .requestMatchers("/error").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasRole(Roles.ADMIN));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CSP)));
        // CSRF: Vaadin's own requests carry Vaadin's token (docs/security.md 2.4); every other unsafe request needs
        // Spring's, the sign-in POST included (Vaadin's configurer would exempt the login URL: login CSRF).
        // The login form sends the token from the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // An unauthenticated request is sent to /login with a relative Location: never built from the Host
        // header, which a client can forge.
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toLogin));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)
                // a signed-in user's unknown URL reaches Vaadin, which answers with the console's own
                // "Page not available" view (views keep their access annotations); anonymous: sign in first
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }
}
