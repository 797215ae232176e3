package com.infrakitchen.console.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real-browser test: skipped unless {@code -De2e=true}; the console on a random port with the fake Azure DevOps
 * (HTTP and SSH) of every test context; before each test the sign-in throttle and both fakes are reset and one
 * headless Chromium is started, after it the fakes are reset and the browser closed. Inject a {@link BrowserSession}
 * and an {@link E2eUsers} as test method (or constructor) parameters.
 *
 * <p>A test class that needs its own Spring properties keeps its {@code @SpringBootTest} and adds
 * {@code @ExtendWith(BrowserExtension.class)} with the same {@code @EnabledIfSystemProperty}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnabledIfSystemProperty(named = "e2e", matches = "true", disabledReason = Browser.DISABLED_REASON)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
