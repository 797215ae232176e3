package com.infrakitchen.console.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security: Vaadin's configurer (login view, CSRF for Vaadin requests, navigation access control),
 * an open health endpoint, ADMIN-only actuator, Spring Security's default headers plus a CSP that forbids
 * framing, and method security for the services.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

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

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // our plain CSS (no secrets in it; the login page needs it before sign-in)
                .requestMatchers("/styles/**").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasRole(Roles.ADMIN));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CSP)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
