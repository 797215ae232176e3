package com.infrakitchen.console.integration;

import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link GridQueriesIT} on PostgreSQL (profile "postgres", with V5's trigram index), in a database created for
 * this class and dropped after it. Skipped with a message unless {@code -Dpostgres=true}.
 */
@ActiveProfiles("postgres")
@EnabledIfSystemProperty(named = "postgres", matches = "true", disabledReason = Postgres.DISABLED_REASON)
class PostgresGridQueriesIT extends GridQueriesIT {

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = Postgres.createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> Postgres.USER);
        registry.add("spring.datasource.password", () -> Postgres.PASSWORD);
        // the postgres profile never generates a key set: give it one made at run time
        registry.add("app.keyset.inline", TestKeysets::generate);
    }

    @AfterAll
    static void drop() {
        Postgres.dropDatabase(url);
    }
}
