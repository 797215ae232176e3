package com.infrakitchen.console.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The local PostgreSQL server of the PostgreSQL tests. They run only with {@code -Dpostgres=true}
 * (what .ci/run passes); without it they are skipped with a message saying how to enable them. When
 * enabled, an unreachable server fails the test: CI must not pass without having run them.
 */
public final class Postgres {

    public static final String URL = System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("postgres.user", "postgres");
    public static final String PASSWORD = System.getProperty("postgres.password", "");

    private Postgres() {
    }

    public static final String DISABLED_REASON = "PostgreSQL tests skipped: run with -Dpostgres=true (needs a"
            + " PostgreSQL server at 127.0.0.1:5432, user postgres, or -Dpostgres.url/-Dpostgres.user; .ci/run does this)";

    public static void assumeEnabled() {
        assumeTrue(Boolean.getBoolean("postgres"), DISABLED_REASON);
    }

    /** Creates an empty database for one test class and returns its JDBC URL. */
    public static String createDatabase() {
        assumeEnabled();
        String name = "console_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
    }

    /**
     * Points a Spring test context at a database of its own, created now (drop it with {@link #dropDatabase} in
     * {@code @AfterAll}), with a key set made at run time: the postgres profile never generates one.
     */
    public static String useOwnDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("app.keyset.inline", TestKeysets::generate);
        return url;
    }

    public static void dropDatabase(String url) {
        if (url == null) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests are enabled but " + URL + " failed: " + e.getMessage(),
                    e);
        }
    }
}
