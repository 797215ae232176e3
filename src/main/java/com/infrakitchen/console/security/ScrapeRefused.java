package com.infrakitchen.console.security;

/**
 * Published when a request to {@code /actuator/prometheus} presented a scrape credential (HTTP Basic) that was
 * refused: a wrong one, or any at all when none is configured. For the audit trail; what was presented is never
 * part of it (a password may have been typed into the user name).
 *
 * @param method the request's method
 * @param path the request's path
 */
public record ScrapeRefused(String method, String path) {

    /** The actor the audit trail records a refused scrape under (a fixed name, so its limits hold). */
    public static final String ACTOR = "(metrics scrape)";
}
