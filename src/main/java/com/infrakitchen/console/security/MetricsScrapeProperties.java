package com.infrakitchen.console.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.metrics.*}: the credential a Prometheus server presents (HTTP Basic) to read
 * {@code /actuator/prometheus}, and nothing else (docs/decisions/0016). Both unset: only a signed-in ADMIN may read
 * the endpoint. The password never appears in {@link #toString()}, logs or exception messages.
 *
 * @param scrapeUsername the user name the scraper sends; no {@code :} (HTTP Basic splits at the first one)
 * @param scrapePassword at least {@value #MIN_PASSWORD_LENGTH} characters
 */
@ConfigurationProperties("app.metrics")
public record MetricsScrapeProperties(@Nullable String scrapeUsername, @Nullable String scrapePassword) {

    public static final int MIN_PASSWORD_LENGTH = 16;

    public MetricsScrapeProperties {
        scrapeUsername = blankToNull(scrapeUsername);
        scrapePassword = blankToNull(scrapePassword);
        if ((scrapeUsername == null) != (scrapePassword == null)) {
            throw new IllegalArgumentException("app.metrics.scrape-username and app.metrics.scrape-password must be"
                    + " set together (or neither, for ADMIN-only access to /actuator/prometheus)");
        }
        if (scrapeUsername != null && scrapeUsername.indexOf(':') >= 0) {
            throw new IllegalArgumentException("app.metrics.scrape-username must not contain ':'");
        }
        if (scrapePassword != null && scrapePassword.length() < MIN_PASSWORD_LENGTH) {
            // the length of what was configured is not said either
            throw new IllegalArgumentException("app.metrics.scrape-password must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** Whether a scrape credential is configured. */
    public boolean configured() {
        return scrapeUsername != null;
    }

    @Override
    public String toString() {
        return "MetricsScrapeProperties[scrapeUsername=" + scrapeUsername + ", scrapePassword="
                + (scrapePassword == null ? "none" : "(set)") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
