package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.infrakitchen.console.Application;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** docs/security.md D-01: a second process on the same H2 file fails fast with a message naming the file. */
@ExtendWith(OutputCaptureExtension.class)
class H2FileInUseIT {

    @Test
    void aSecondProcessOnTheSameDatabaseFileFailsAtStartNamingTheFile(CapturedOutput output) throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dir = Files.createTempDirectory(Path.of("target"), "h2-in-use-").toAbsolutePath();
        String url = "jdbc:h2:file:" + dir + "/console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2LockHolder.class.getName(), url)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");

            assertThatThrownBy(() -> SpringApplication.run(Application.class, "--server.port=0",
                    "--spring.datasource.url=" + url, "--app.data-dir=" + dir))
                    .isNotNull();
            assertThat(output.getAll())
                    .contains("The embedded H2 database file " + dir + "/console.mv.db is in use by another process")
                    .contains("APP_DATA_DIR");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
