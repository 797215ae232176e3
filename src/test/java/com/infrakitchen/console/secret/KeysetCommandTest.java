package com.infrakitchen.console.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keyset.create=FILE}: a usable key set, owner-only, never overwritten, the key never printed. */
class KeysetCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAKeySetTheConsoleStartsWithReadableByItsOwnerOnlyAndPrintsNoKey() throws Exception {
        Path file = dir.resolve("sub/keyset.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KeysetCommand.requested(new String[] {"--server.port=0", "--keyset.create=" + file}))
                .contains(file);
        assertThat(KeysetCommand.create(file, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Wrote a new key set to " + file.toAbsolutePath())
                .contains("APP_KEYSET_FILE=" + file.toAbsolutePath());
        String json = Files.readString(file);
        assertThat(json).contains("\"primaryKeyId\"");
        assertThat(printed).doesNotContain("\"value\"").doesNotContain("keyData");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretCipher cipher = new SecretCipher(KeysetProvider.load(file.toString(), null, false, dir));
        assertThat(cipher.enabledKeyIds()).hasSize(1);
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, "existing");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KeysetCommand.create(file, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exists already: not overwritten");
        assertThat(Files.readString(file)).isEqualTo("existing");
        assertThat(KeysetCommand.requested(new String[] {"--server.port=0"})).isEmpty();
    }
}
