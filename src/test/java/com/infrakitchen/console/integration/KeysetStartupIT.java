package com.infrakitchen.console.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.Application;
import com.infrakitchen.console.support.As;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.TestKeysets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** docs/security.md S-06 and S-07: the console refuses to start without the key set its secrets need. */
class KeysetStartupIT {

    @Test
    void s06WithoutAKeySetAndWithGenerationSwitchedOffTheConsoleDoesNotStart() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "no-keyset-");
        assertThatThrownBy(() -> start(dir, "--app.keyset.generate-if-missing=false").close())
                .hasStackTraceContaining("No key set configured: set APP_KEYSET_FILE");
        assertThat(dir.resolve("keyset.json")).doesNotExist();
    }

    @Test
    void s07AKeySetThatLacksTheKeyOfStoredSecretsIsRefusedAtStart() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "wrong-keyset-");
        String first = keyset();
        try (ConfigurableApplicationContext app = start(dir, "--app.keyset.inline=" + first)) {
            IntegrationService service = app.getBean(IntegrationService.class);
            As.user("keyset-editor", "EDITOR", () -> service.create(IntegrationTestData.data("keyset-test"), IntegrationFixtures.pat(IntegrationTestData.fakeToken())));
        }
        assertThatThrownBy(() -> start(dir, "--app.keyset.inline=" + keyset()).close())
                .hasStackTraceContaining("Stored secrets were encrypted with key id(s)")
                .hasStackTraceContaining("that the configured key set does not contain");
        // with the right key set it starts again
        start(dir, "--app.keyset.inline=" + first).close();
    }

    private static ConfigurableApplicationContext start(Path dir, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath() + "/console;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--app.data-dir=" + dir.toAbsolutePath()));
        args.addAll(List.of(extra));
        return SpringApplication.run(Application.class, args.toArray(String[]::new));
    }

    private static String keyset() {
        return TestKeysets.generate();
    }
}
