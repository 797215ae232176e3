package com.infrakitchen.console.secret;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code java -jar integrations-console.jar --keyset.create=/path/keyset.json}: writes a new key set (one AES-256-GCM
 * key, the JSON Tinkey writes, readable by its owner only) and exits without starting the console, so an operator
 * needs no separate Tinkey download. Refuses to overwrite a file (that would orphan every secret sealed with it).
 * Prints where the file is and what to do next, never the key.
 */
public final class KeysetCommand {

    static final String OPTION = "--keyset.create=";

    private KeysetCommand() {
    }

    /** The path asked for, if the arguments ask for a key set. */
    public static Optional<Path> requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(OPTION)) {
                return Optional.of(Path.of(arg.substring(OPTION.length())));
            }
        }
        return Optional.empty();
    }

    /** Writes the key set; returns the process exit code (0 written, 1 refused) after saying why on {@code out}. */
    public static int create(Path target, PrintStream out) {
        if (target.toString().isBlank()) {
            out.println("--keyset.create needs a file name, for example --keyset.create=keyset.json");
            return 1;
        }
        if (Files.exists(target)) {
            out.println(target.toAbsolutePath() + " exists already: not overwritten (secrets sealed with it would"
                    + " become unreadable). Choose another file name, or move the old file away first.");
            return 1;
        }
        try {
            KeysetProvider.write(target);
        } catch (KeysetUnavailableException e) {
            out.println(e.getMessage() + ". " + e.action());
            return 1;
        }
        out.println("Wrote a new key set to " + target.toAbsolutePath() + " (readable by its owner only).");
        out.println("Start every instance with APP_KEYSET_FILE=" + target.toAbsolutePath()
                + ", and back the file up apart from the database: without it the stored secrets cannot be read.");
        return 0;
    }
}
