package com.infrakitchen.console.integration.internal;

import com.infrakitchen.console.security.CurrentUser;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jdbc.repository.config.EnableJdbcAuditing;

/**
 * Spring Data auditing of the integration aggregate ({@link Changes}): the time comes from the application's
 * {@code Clock} (so tests can move it), the user from the security context.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcAuditing(auditorAwareRef = "integrationAuditor", dateTimeProviderRef = "integrationAuditTime")
class IntegrationAuditing {

    @Bean
    AuditorAware<String> integrationAuditor() {
        return () -> Optional.of(CurrentUser.username());
    }

    @Bean
    DateTimeProvider integrationAuditTime(Clock clock) {
        return () -> Optional.of(clock.instant());
    }
}
