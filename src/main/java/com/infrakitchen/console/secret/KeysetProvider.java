package com.infrakitchen.console.secret;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the Tink key set: {@code APP_KEYSET_FILE} (JSON file), else {@code APP_KEYSET} (base64 JSON),
 * else one generated into the data directory with a warning, when {@code app.keyset.generate-if-missing}
 * allows it (the embedded default; never with PostgreSQL, where every instance must share one key set).
 * Error messages name the source, never the content.
 */
@Configuration
class KeysetProvider {

    static final String GENERATED_FILE = "keyset.json";
    private static final Logger log = LoggerFactory.getLogger(KeysetProvider.class);

    @Bean
    SecretCipher secretCipher(@Value("${APP_KEYSET_FILE:${app.keyset.file:}}") String file,
            @Value("${APP_KEYSET:${app.keyset.inline:}}") String inline,
            @Value("${app.keyset.generate-if-missing:true}") boolean generateIfMissing,
            @Value("${app.data-dir}") String dataDir) {
        return new SecretCipher(load(file, inline, generateIfMissing, Path.of(dataDir)));
    }

    static KeysetHandle load(@Nullable String file, @Nullable String inline, boolean generateIfMissing, Path dataDir) {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be registered", e);
        }
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            try {
                return parse(Files.readString(path, StandardCharsets.UTF_8), "APP_KEYSET_FILE " + path);
            } catch (IOException e) {
                throw new KeysetUnavailableException("APP_KEYSET_FILE " + path + " cannot be read: "
                        + e.getClass().getSimpleName(), "Check that the file exists and that the user running the"
                        + " console may read it, or set APP_KEYSET_FILE to the key set's path.", e);
            }
        }
        if (inline != null && !inline.isBlank()) {
            String json;
            try {
                json = new String(Base64.getDecoder().decode(inline.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new KeysetUnavailableException("APP_KEYSET is not valid base64 (expected base64 of the key set"
                        + " JSON)", "Set APP_KEYSET to the output of `base64 -w0 keyset.json`, or use"
                        + " APP_KEYSET_FILE with the file's path instead.");
            }
            return parse(json, "APP_KEYSET");
        }
        Path generated = dataDir.resolve(GENERATED_FILE);
        if (Files.exists(generated)) {
            try {
                log.warn("Using the key set generated in {}. Back it up separately from the database; without"
                        + " it the stored secrets cannot be read.", generated.toAbsolutePath());
                return parse(Files.readString(generated, StandardCharsets.UTF_8), generated.toString());
            } catch (IOException e) {
                throw new KeysetUnavailableException(generated + " cannot be read: " + e.getClass().getSimpleName(),
                        "Check the permissions of the data directory (APP_DATA_DIR) and of the file.", e);
            }
        }
        if (!generateIfMissing) {
            throw new KeysetUnavailableException("No key set configured: set APP_KEYSET_FILE (a Tink JSON key set file)"
                    + " or APP_KEYSET (its base64). Generating one is switched off here"
                    + " (app.keyset.generate-if-missing=false), because every instance must share the same key set.",
                    "Create a key set once (the README's \"Key set\" paragraph says how), keep it apart from the"
                    + " database backups, and give every instance the same one: APP_KEYSET_FILE=/path/keyset.json,"
                    + " or APP_KEYSET=$(base64 -w0 keyset.json).");
        }
        return generate(generated);
    }

    private static KeysetHandle parse(String json, String source) {
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            if (handle.size() == 0) {
                throw new KeysetUnavailableException(source + " holds no key", "Point it at the key set the"
                        + " stored secrets were sealed with.");
            }
            handle.getPrimary();
            return handle;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KeysetUnavailableException unavailable) {
                throw unavailable;
            }
            throw new KeysetUnavailableException(source + " is not a usable Tink key set (" + e.getClass()
                    .getSimpleName() + "). Expected the JSON written by Tinkey or by this console.", "Point it at"
                    + " the key set file itself (JSON, as Tinkey or this console writes it), not at a copy that was"
                    + " edited or re-encoded.");
        }
    }

    /** Writes a new key set to {@code target} (which must not exist), readable by its owner only. */
    static KeysetHandle write(Path target) {
        try {
            AeadConfig.register();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            Files.writeString(target, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(target, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return handle;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeysetUnavailableException("Could not write a key set to " + target + ": "
                    + e.getClass().getSimpleName(), "Check that the directory exists and may be written by this"
                    + " user.", e);
        }
    }

    private static KeysetHandle generate(Path target) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.createDirectories(target.getParent());
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            Files.writeString(target, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(target, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("No key set configured (APP_KEYSET_FILE / APP_KEYSET): generated one in {}. Back it up"
                    + " separately from the database; for several instances, configure one shared key set.",
                    target.toAbsolutePath());
            return handle;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not generate a key set in " + target + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }
}
