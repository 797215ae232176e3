package com.infrakitchen.console.support;

import com.infrakitchen.console.Application;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Starts a whole console in this JVM, as many as a test needs (instances sharing one database, benchmarks), the way
 * {@code @SpringBootTest}'s default environment does: a servlet context for Vaadin, no web server. Each instance
 * has its own beans, pools and scheduler; the caller closes it.
 */
public final class ConsoleInstances {

    private ConsoleInstances() {
    }

    public static ConfigurableApplicationContext start(String... args) {
        return startWithProfile(null, args);
    }

    /** With {@code profile} active (null: none). */
    public static ConfigurableApplicationContext startWithProfile(@Nullable String profile, String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false)
                .contextFactory(ApplicationContextFactory.of(
                        () -> new GenericWebApplicationContext(new MockServletContext())));
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run(args);
    }
}
