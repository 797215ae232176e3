package com.infrakitchen.console.storage;

import com.infrakitchen.console.support.LimitsDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ClusterLimitsIT} on PostgreSQL, what several instances share in production. */
class PostgresClusterLimitsIT extends ClusterLimitsIT {

    @BeforeAll
    static void open() {
        database = LimitsDatabase.postgres();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
