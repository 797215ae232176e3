package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.support.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Every migration runs on an empty H2 (PostgreSQL mode, as configured) and an empty PostgreSQL, with the
 * application's Flyway locations, and both end with the same tables, columns, named constraints and migration
 * history. The vendor folders (db/vendor/h2, db/vendor/postgresql) must hold the same versions and
 * descriptions; their checksums differ by design, every other migration's must match.
 */
class MigrationsIT {

    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void everyMigrationRunsOnH2() throws Exception {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
        MigrateResult result = migrate(url, "sa", "", "h2");
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThan(0);
        assertThat(schema(url, "sa", "", "public")).contains("app_user.username", "audit_event.details",
                "constraint uq_app_user_username");
    }

    @Test
    void everyMigrationRunsOnPostgresqlAndGivesTheSameSchemaAsH2() throws Exception {
        String pg = Postgres.createDatabase();
        try {
            MigrateResult pgResult = migrate(pg, Postgres.USER, Postgres.PASSWORD, "postgresql");
            String h2 = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
            MigrateResult h2Result = migrate(h2, "sa", "", "h2");
            assertThat(pgResult.success).isTrue();
            assertThat(pgResult.migrationsExecuted).isEqualTo(h2Result.migrationsExecuted);
            assertThat(schema(pg, Postgres.USER, Postgres.PASSWORD, "public"))
                    .isEqualTo(schema(h2, "sa", "", "public"));
            assertThat(history(pg, Postgres.USER, Postgres.PASSWORD, vendorVersions()))
                    .isEqualTo(history(h2, "sa", "", vendorVersions()));
            // The PostgreSQL-only index of V5 (this server's superuser may create pg_trgm).
            assertThat(indexDefinition(pg, Postgres.USER, Postgres.PASSWORD, "ix_integration_search_trgm"))
                    .contains("USING gin", "gin_trgm_ops");
        } finally {
            Postgres.dropDatabase(pg);
        }
    }

    @Test
    void vendorFoldersHoldTheSameVersionsAndDescriptions() throws Exception {
        assertThat(vendorMigrations("h2")).isNotEmpty().isEqualTo(vendorMigrations("postgresql"));
    }

    /**
     * A role that may create tables but not extensions (CREATE on the schema, not on the database, as a
     * hosted database may be set up): V5 warns and leaves the trigram index out, and every migration succeeds.
     */
    @Test
    void withoutPgTrgmTheMigrationsStillSucceed() throws Exception {
        String pg = Postgres.createDatabase();
        String role = "console_it_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            try (Connection c = DriverManager.getConnection(pg, Postgres.USER, Postgres.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + role + " LOGIN");
                // Only the owner (postgres) has CREATE on the database, which a trusted extension needs.
                s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + role);
            }
            MigrateResult result = migrate(pg, role, "", "postgresql");
            assertThat(result.success).isTrue();
            assertThat(indexDefinition(pg, Postgres.USER, Postgres.PASSWORD, "ix_integration_search_trgm")).isNull();
            assertThat(history(pg, Postgres.USER, Postgres.PASSWORD, Set.of())).anyMatch(h -> h.startsWith("5|"));
        } finally {
            Postgres.dropDatabase(pg);
            try (Connection c = DriverManager.getConnection(Postgres.URL, Postgres.USER, Postgres.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /** With the locations the application uses (application.properties), {vendor} as Spring Boot fills it in. */
    private static MigrateResult migrate(String url, String user, String password, String vendor) throws IOException {
        Properties app = new Properties();
        try (InputStream in = MigrationsIT.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        String[] locations = app.getProperty("spring.flyway.locations").replace("{vendor}", vendor).split(",");
        return Flyway.configure().dataSource(url, user, password).locations(locations).load().migrate();
    }

    /** File names of the migrations in db/vendor/{vendor}. */
    private static TreeSet<String> vendorMigrations(String vendor) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        Path folder = Path.of(MigrationsIT.class.getResource("/db/vendor/" + vendor).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).forEach(out::add);
        }
        return out;
    }

    /** Versions of the vendor-specific migrations, whose checksums differ between the engines by design. */
    private static Set<String> vendorVersions() throws Exception {
        Set<String> out = new HashSet<>();
        for (String file : vendorMigrations("h2")) {
            out.add(file.substring(1, file.indexOf("__")));
        }
        return out;
    }

    private static String indexDefinition(String url, String user, String password, String index)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE indexname = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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

    /** version|description|checksum|success; the checksum left out for the given (vendor-specific) versions. */
    private static List<String> history(String url, String user, String password, Set<String> withoutChecksum)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT version, description, checksum, success FROM flyway_schema_history WHERE version IS NOT NULL"
                                + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String checksum = withoutChecksum.contains(rs.getString(1)) ? "vendor" : String.valueOf(rs.getInt(3));
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + checksum + "|" + rs.getBoolean(4));
            }
        }
        return out;
    }
}
