package com.infrakitchen.console.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A database with the console's migrations and nothing else, for the limits that keep their state there (V13): an
 * H2 in memory of its own, as the console's embedded default is, or a fresh PostgreSQL database. Two throttles made
 * on one {@code LimitsDatabase} are two instances of the console sharing it.
 */
public final class LimitsDatabase implements AutoCloseable {

    private final String url;
    private final boolean postgres;
    private final DataSource dataSource;

    private LimitsDatabase(String url, String user, String password, boolean postgres) {
        this.url = url;
        this.postgres = postgres;
        this.dataSource = new DriverManagerDataSource(url, user, password);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (postgres ? "postgresql" : "h2"))
                .load().migrate();
    }

    /** An H2 database in memory, in the console's PostgreSQL mode, kept until the JVM ends. */
    public static LimitsDatabase h2() {
        return new LimitsDatabase("jdbc:h2:mem:limits-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "",
                false);
    }

    /** A new database on the local PostgreSQL server (skipped without {@code -Dpostgres=true}); closing drops it. */
    public static LimitsDatabase postgres() {
        return new LimitsDatabase(Postgres.createDatabase(), Postgres.USER, Postgres.PASSWORD, true);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public PlatformTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }

    @Override
    public void close() {
        if (postgres) {
            Postgres.dropDatabase(url);
        } else {
            jdbc().sql("SHUTDOWN").update();
        }
    }
}
