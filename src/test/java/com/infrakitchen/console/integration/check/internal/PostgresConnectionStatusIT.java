package com.infrakitchen.console.integration.check.internal;

import com.infrakitchen.console.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ConnectionStatusIT} on PostgreSQL (profile "postgres"), in a database created for this class and dropped
 * after it. Skipped with a message unless {@code -Dpostgres=true}.
 */
@ActiveProfiles("postgres")
@EnabledIfSystemProperty(named = "postgres", matches = "true", disabledReason = Postgres.DISABLED_REASON)
class PostgresConnectionStatusIT extends ConnectionStatusIT {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = Postgres.useOwnDatabase(registry);
    }

    @AfterAll
    static void drop() {
        Postgres.dropDatabase(url);
    }
}
