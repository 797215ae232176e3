package com.infrakitchen.console.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A Spring test (service or browserless view) on a clock it moves by hand: the application's {@link Clock} bean
 * ({@code Application.clock()}, the system clock) is outranked by one {@link MutableClock}, marked
 * {@code @Primary}, so every "now" of the console (limits, expiry dates, "checked … ago", elapsed seconds, audit
 * times) comes from it. The test autowires {@code MutableClock} and calls {@code set} / {@code advance}.
 *
 * <p>Use this annotation instead of {@code @SpringBootTest}, nothing else, so that every class using it shares
 * one application context (a different configuration would start another one and slow the suite). That context
 * has an in-memory database of its own: the times written on this clock (years from today) never show up in
 * the grids, sort orders and audit logs of the tests on the real clock, which share the default database. The
 * context and its clock outlive one test: each test sets the clock first ({@link Beans#START} is a good start)
 * and uses its own users, since per-user limits remember their times.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = ClockControlled.DATABASE)
@Import(ClockControlled.Beans.class)
public @interface ClockControlled {

    /** The test database of {@code config/application.properties} under another name. */
    String DATABASE = "spring.datasource.url=jdbc:h2:mem:console-clock;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /**
     * The clock bean. Not a {@code @Configuration}: component scanning must never find it (the demo and the
     * tests that start the application themselves scan the test classpath too); only {@code @Import} adds it.
     */
    final class Beans {

        /** Where the clock starts: a fixed instant far from today, so that a stray real "now" shows. */
        public static final Instant START = Instant.parse("2030-03-01T10:00:00Z");

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
