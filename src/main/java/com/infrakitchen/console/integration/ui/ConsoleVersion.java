package com.infrakitchen.console.integration.ui;

import com.infrakitchen.console.Application;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The console's version for support reports: {@code build.version} of Spring Boot's build info
 * ({@code META-INF/build-info.properties}) when the build wrote one, else the jar's {@code Implementation-Version}
 * (the production jar has it), else "development" (started from the sources or the tests).
 */
final class ConsoleVersion {

    static final String DEVELOPMENT = "development";
    private static final String CURRENT = find();

    private ConsoleVersion() {
    }

    static String current() {
        return CURRENT;
    }

    private static String find() {
        String built = buildInfo();
        if (built != null) {
            return built;
        }
        String implementation = Application.class.getPackage().getImplementationVersion();
        return implementation == null || implementation.isBlank() ? DEVELOPMENT : implementation;
    }

    private static @Nullable String buildInfo() {
        try (InputStream in = Application.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("build.version");
            return v == null || v.isBlank() ? null : v.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
