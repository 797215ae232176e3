package com.infrakitchen.console.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A landed migration is never edited (decision 0003): Flyway validates each applied migration's checksum at start-up,
 * so changing even a comment of V2 stops every existing installation. The files as they landed are pinned here; a
 * change of schema is a new V-numbered file, which this test then asks to be pinned too.
 */
class LandedMigrationsTest {

    static final Map<String, String> LANDED = Map.ofEntries(
            Map.entry("migration/V1__create_user_and_audit.sql",
                    "e3df06db9565e20bac46f54b69aeb8a75323bdb7d4c1ac8bebdaa2c27e60d7ea"),
            Map.entry("migration/V2__create_integration.sql",
                    "c09239eed4afaf074e548eb3b6f942bce8dc9b97c6ce55ca1b4aab12843b26e0"),
            Map.entry("migration/V3__grid_indexes.sql",
                    "2bbbf4f28217fcabe17ce9e300dc32b53d565473c71d6558e5eb05c87484d2b5"),
            Map.entry("migration/V4__integration_check.sql",
                    "0b8cb1bbe03ac349eae837827e8ca1a58db127d138ce60ed206f3563b3041707"),
            Map.entry("migration/V6__integration_ssh_key.sql",
                    "9bf05700869e245e278cd3e44a4573868b625f494bb73ccb47a52561496a8e98"),
            Map.entry("migration/V7__integration_provider.sql",
                    "bde1f6ac8a0779d0361803d27954447577031d82c9d0fc35d3c15fe679438d00"),
            Map.entry("migration/V8__check_triggers.sql",
                    "2dc484e42a0158c9def2873d00d2ca528bfa84f4a45a11ff420aba3c1c4b8e42"),
            Map.entry("migration/V9__scheduled_tasks.sql",
                    "4253b0833b18acb425ceb3d8916d433131df3c34af1ab2f3f056b27415f21bf7"),
            Map.entry("migration/V10__connection_status.sql",
                    "b7a0fbaa7ad0314cbda64fdeaf97db7b3b53ed9b2ca36195acbe08c48191153a"),
            Map.entry("migration/V11__ssh_key_added_on.sql",
                    "ab6652f5bc3a84fd2c3b4613372c14d11cec6d27ae2107982b1c689f0b278b26"),
            Map.entry("migration/V12__integration_connection.sql",
                    "2ac394bdf6c409ac8e2d63f89dcc228877492d615a2f8513793f72a0af1ad68c"),
            Map.entry("migration/V13__cluster_limits.sql",
                    "f2833506de31b7035b5698601a93c38562622e9b02092581c5240b95e2873277"),
            Map.entry("migration/V14__expiry_state_indexes.sql",
                    "a4e87daf804f1e5bf7046271715db010c2098bdeee9d2aacc1225f301ce4b739"),
            Map.entry("migration/V15__service_principal.sql",
                    "9f7281d0ad66999b4840475c85a1d0b11965fc2d0e1c4a301759211abd99ed88"),
            Map.entry("vendor/h2/V5__search_trigram_index.sql",
                    "79f781210558e1042d571b6c5b175710da3c1832b41f139364f72843b767ea1d"),
            Map.entry("vendor/postgresql/V5__search_trigram_index.sql",
                    "e332fba1c06efaee4ece9fd99ad6363422aed1121b43f9114b7f99074d945896"));

    static final Path ROOT = Path.of("src", "main", "resources", "db");

    @Test
    void everyLandedMigrationIsByteForByteAsItLandedAndEveryMigrationIsPinned() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                found.put(ROOT.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        }
        assertThat(found).as("a landed migration was edited, or a new one is not pinned here yet (add it once it"
                + " lands); never edit a landed one: write a new version instead").isEqualTo(new TreeMap<>(LANDED));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
