package com.infrakitchen.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.support.TestKeysets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Start-up rules the README states, each proved by starting the console: the bootstrap password needs at least 12
 * characters, and the {@code postgres} profile never generates a key set (every instance must share one).
 */
class StartupRulesIT {

    @Test
    void anAdminPasswordOfElevenCharactersIsRefusedAndOneOfTwelveCreatesTheAdmin() throws Exception {
        Path refused = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "admin-11-");
        assertThatThrownBy(() -> start(refused, "--app.admin-password=elevenchars",
                "--app.keyset.inline=" + TestKeysets.generate()).close())
                .hasStackTraceContaining("APP_ADMIN_PASSWORD is not acceptable");

        Path accepted = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "admin-12-");
        try (ConfigurableApplicationContext app = start(accepted, "--app.admin-password=twelve-chars",
                "--app.keyset.inline=" + TestKeysets.generate())) {
            Long admins = app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM app_user WHERE username = 'admin' AND role = 'ADMIN'", Long.class);
            assertThat(admins).isEqualTo(1);
        }
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutAConfiguredKeySet() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pg-profile-");
        // the profile's own setting decides, whatever database it then talks to (H2 here: no server needed)
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=postgres").close())
                .hasStackTraceContaining("No key set configured");
        assertThat(dir.resolve("keyset.json")).doesNotExist();
    }

    private static ConfigurableApplicationContext start(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/console;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--app.data-dir=" + dir.toAbsolutePath()));
        args.addAll(List.of(extra));
        return SpringApplication.run(Application.class, args.toArray(String[]::new));
    }
}
