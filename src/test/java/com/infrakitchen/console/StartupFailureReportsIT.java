package com.infrakitchen.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.base.DatabaseUnavailableFailureAnalyzer;
import com.infrakitchen.console.support.Postgres;
import com.infrakitchen.console.support.TestKeysets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up failures an operator can cause read as Spring Boot's failure report (Description / Action), each proved
 * by starting the console the way an operator would get it wrong: no key set with the postgres profile, a database
 * server that is not there, a database that does not exist (PostgreSQL, with {@code -Dpostgres=true}); a refused
 * password, which this machine's trust-authenticated server cannot produce, on the analyzer alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportsIT {

    @Test
    void thePostgresProfileWithoutAKeySetSaysWhatIsMissingAndHowToMakeOne(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "no-keyset-");
        assertThatThrownBy(() -> start(h2(dir), "--spring.profiles.active=postgres").close());
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Description:").contains("No key set configured: set APP_KEYSET_FILE")
                .contains("Action:").contains("Create a key set once");
    }

    @Test
    void aDatabaseServerThatIsNotThereIsNamedWithWhatToCheck(CapturedOutput output) {
        assertThatThrownBy(() -> start(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/console",
                "--spring.datasource.username=console", "--spring.datasource.password=not-a-real-password",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--app.keyset.inline=" + TestKeysets.generate())).close());
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("The database server cannot be reached")
                .contains("Check that PostgreSQL is running and listening on the host and port of DB_URL")
                .doesNotContain("not-a-real-password");
    }

    @Test
    void aDatabaseThatDoesNotExistSaysCreateIt(CapturedOutput output) {
        Postgres.assumeEnabled();
        String url = Postgres.URL.substring(0, Postgres.URL.lastIndexOf('/') + 1) + "console_missing_db";
        assertThatThrownBy(() -> start(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=" + Postgres.PASSWORD,
                "--app.keyset.inline=" + TestKeysets.generate())).close());
        assertThat(output.getOut() + output.getErr()).contains("does not exist on the server (SQLSTATE 3D000)")
                .contains("Create it");
    }

    @Test
    void aMalformedEgressProxyNamesTheSettingAndTheFixAndNeverThePassword(CapturedOutput output) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bad-proxy-");
        String canary = "CANARY-startup-proxy-3e9";
        assertThatThrownBy(() -> start(h2(dir), "--app.outbound.proxy=http://alice:" + canary + "@proxy:3128")
                .close());
        assertThatThrownBy(() -> start(h2(dir), "--app.outbound.proxy=https://proxy.corp.example:3128",
                "--app.outbound.proxy-username=alice", "--app.outbound.proxy-password=" + canary).close());
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("app.outbound.proxy must not hold credentials (it contains '@').")
                .contains("a proxy reached over TLS (https://) is not supported")
                .contains("Write app.outbound.proxy as http://host:port")
                .doesNotContain(canary);
    }

    @Test
    void aRefusedPasswordSaysWhichSettingsToCheck() {
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"console\"",
                "28P01");
        FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer().analyze(
                new IllegalStateException("Failed to initialize Flyway", refused));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("The database refused to let the console sign in")
                .contains("password authentication failed for user");
        assertThat(analysis.getAction()).contains("DB_USER and DB_PASSWORD");
        assertThat(new DatabaseUnavailableFailureAnalyzer().analyze(new SQLException("syntax error", "42601")))
                .as("other SQL errors are not the operator's settings").isNull();
    }

    private static List<String> h2(Path dir) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/console;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--app.data-dir=" + dir.toAbsolutePath());
    }

    private static ConfigurableApplicationContext start(List<String> base,
            String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(base);
        args.addAll(List.of(extra));
        return SpringApplication.run(Application.class, args.toArray(String[]::new));
    }
}
