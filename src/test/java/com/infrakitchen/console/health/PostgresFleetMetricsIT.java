package com.infrakitchen.console.health;

import com.infrakitchen.console.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link FleetMetricsIT} on PostgreSQL (profile "postgres"), in a database created for this class and dropped
 * after it. Skipped with a message unless {@code -Dpostgres=true}.
 */
@ActiveProfiles("postgres")
@EnabledIfSystemProperty(named = "postgres", matches = "true", disabledReason = Postgres.DISABLED_REASON)
class PostgresFleetMetricsIT extends FleetMetricsIT {

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
