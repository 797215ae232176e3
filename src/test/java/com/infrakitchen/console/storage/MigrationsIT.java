package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Every migration runs on an empty H2 (PostgreSQL mode, as configured) and an empty PostgreSQL, and both
 * end with the same tables, columns, named constraints and migration history.
 */
class MigrationsIT {

    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void everyMigrationRunsOnH2() throws Exception {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = migrate(url, "sa", "");
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThan(0);
        assertThat(schema(url, "sa", "", "public")).contains("app_user.username", "audit_event.details",
                "constraint uq_app_user_username");
    }

    @Test
    void everyMigrationRunsOnPostgresqlAndGivesTheSameSchemaAsH2() throws Exception {
        String pg = Postgres.createDatabase();
        try {
            MigrateResult pgResult = migrate(pg, Postgres.USER, Postgres.PASSWORD);
            String h2 = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
            MigrateResult h2Result = migrate(h2, "sa", "");
            assertThat(pgResult.success).isTrue();
            assertThat(pgResult.migrationsExecuted).isEqualTo(h2Result.migrationsExecuted);
            assertThat(schema(pg, Postgres.USER, Postgres.PASSWORD, "public"))
                    .isEqualTo(schema(h2, "sa", "", "public"));
            assertThat(history(pg, Postgres.USER, Postgres.PASSWORD)).isEqualTo(history(h2, "sa", ""));
        } finally {
            Postgres.dropDatabase(pg);
        }
    }

    private static MigrateResult migrate(String url, String user, String password) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load()
                .migrate();
    }

    /** "table.column" for every column, and "constraint name" for every named UNIQUE/CHECK/FK constraint. */
    private static TreeSet<String> schema(String url, String user, String password, String schema)
            throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '"
                            + schema + "' AND table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = '"
                            + schema + "' AND constraint_type IN ('UNIQUE', 'CHECK', 'FOREIGN KEY')")) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (name.startsWith("uq_") || name.startsWith("ck_") || name.startsWith("fk_")) {
                        out.add("constraint " + name);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> history(String url, String user, String password) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT version, description, checksum, success FROM flyway_schema_history WHERE version IS NOT NULL"
                                + " ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getBoolean(4));
            }
        }
        return out;
    }
}
