package com.infrakitchen.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.IntegrationDetail;
import com.infrakitchen.console.integration.IntegrationService;
import com.infrakitchen.console.support.ClockControlled;
import com.infrakitchen.console.support.IntegrationFixtures;
import com.infrakitchen.console.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fleet's gauges ({@link HealthMetrics}) on a clock the test moves: counts by the newest check's status and by
 * expiry bucket over the enabled integrations only, and one reading of the database per minute of clock time. Each
 * test starts from empty integration tables, like HealthServiceIT in this context.
 */
@ClockControlled
class FleetMetricsIT {

    @Autowired
    IntegrationService integrations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry registry;

    Instant now;
    LocalDate today;

    @BeforeEach
    void emptyTablesAndAFreshReading() {
        jdbc.update("DELETE FROM integration_check");
        jdbc.update("DELETE FROM integration_label");
        jdbc.update("DELETE FROM integration");
        // a reading before any other this context took, so the next one (at START) is read from the database
        clock.set(Instant.parse("2000-01-01T00:00:00Z"));
        status("failed");
        clock.set(ClockControlled.Beans.START);
        now = clock.instant();
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    IntegrationDetail saved(@Nullable LocalDate expiresOn) {
        return IntegrationFixtures.savedPat(integrations, IntegrationFixtures.data(IntegrationFixtures.uniqueName(
                "metrics")), IntegrationFixtures.fakeToken(), expiresOn);
    }

    /** A stored result {@code ago}, for the values the integration has now (current) or for an older token. */
    void stored(IntegrationDetail i, Duration ago, String outcome, boolean current) {
        OffsetDateTime tokenSetAt = jdbc.queryForObject("SELECT pat_set_at FROM integration WHERE id = ?",
                OffsetDateTime.class, i.id());
        jdbc.update("""
                INSERT INTO integration_check (id, integration_id, checked_at, trigger_kind, actor, outcome, category,
                    duration_ms, organization, token_set_at, report)
                VALUES (?, ?, ?, 'MANUAL', 'metrics-test', ?, ?, 100, 'contoso', ?, '{}')""",
                UUID.randomUUID(), i.id(), OffsetDateTime.ofInstant(now.minus(ago), ZoneOffset.UTC), outcome,
                outcome.equals("CONNECTED") ? "CONNECTED" : outcome.equals("WARNING")
                        ? "azure_devops:CODE_WRITE_MISSING" : "azure_devops:TOKEN_EXPIRED",
                current ? tokenSetAt : tokenSetAt.minusDays(3));
    }

    void disable(IntegrationDetail i) {
        jdbc.update("UPDATE integration SET enabled = FALSE WHERE id = ?", i.id());
    }

    double status(String status) {
        return registry.get(HealthMetrics.INTEGRATIONS).tag("status", status).gauge().value();
    }

    double bucket(String bucket) {
        return registry.get(HealthMetrics.EXPIRY).tag("bucket", bucket).gauge().value();
    }

    @Test
    void enabledIntegrationsAreCountedByTheStatusOfTheirNewestCheck() {
        stored(saved(null), Duration.ofMinutes(5), "CONNECTED", true);
        IntegrationDetail recovered = saved(null);
        stored(recovered, Duration.ofHours(2), "FAILED", true);
        stored(recovered, Duration.ofMinutes(1), "CONNECTED", true);
        IntegrationDetail failing = saved(null);
        stored(failing, Duration.ofHours(2), "CONNECTED", true);
        stored(failing, Duration.ofMinutes(1), "FAILED", true);
        stored(saved(null), Duration.ofMinutes(3), "WARNING", true);
        stored(saved(null), Duration.ofMinutes(3), "FAILED", false); // tested an older token: outdated
        saved(null);
        saved(null);
        IntegrationDetail disabled = saved(null);
        stored(disabled, Duration.ofMinutes(1), "FAILED", true);
        disable(disabled);
        disable(saved(null)); // never tested, disabled

        assertThat(status("connected")).isEqualTo(2);
        assertThat(status("failed")).isEqualTo(1);
        assertThat(status("warning")).isEqualTo(1);
        assertThat(status("outdated")).isEqualTo(1);
        assertThat(status("never_tested")).isEqualTo(2);
    }

    @Test
    void enabledIntegrationsAreCountedByExpiryBucketOnTheClocksToday() {
        for (int days : new int[] {-30, -1}) {
            saved(today.plusDays(days));
        }
        for (int days : new int[] {0, 1}) {
            saved(today.plusDays(days));
        }
        for (int days : new int[] {2, 7}) {
            saved(today.plusDays(days));
        }
        saved(today.plusDays(8));
        saved(today.plusDays(14));
        saved(today.plusDays(15));
        saved(null);
        disable(saved(today.minusDays(1)));
        disable(saved(null));

        assertThat(bucket("expired")).isEqualTo(2);
        assertThat(bucket("1d")).isEqualTo(2);
        assertThat(bucket("7d")).isEqualTo(2);
        assertThat(bucket("14d")).isEqualTo(2);
        assertThat(bucket("later")).isEqualTo(1);
        assertThat(bucket("none")).isEqualTo(1);

        // a day later by the clock (and past the cache), the same dates fall into other buckets
        clock.advance(Duration.ofDays(1));
        assertThat(bucket("expired")).isEqualTo(3);
        assertThat(bucket("1d")).isEqualTo(2);
        assertThat(bucket("14d")).isEqualTo(2);
        assertThat(bucket("later")).isZero();
    }

    @Test
    void theDatabaseIsReadAgainAfterSixtySecondsOfClockTimeNotBefore() {
        assertThat(status("failed")).isZero();
        stored(saved(null), Duration.ofSeconds(1), "FAILED", true);
        assertThat(status("failed")).isZero();
        clock.advance(HealthMetrics.REFRESH.minusSeconds(1));
        assertThat(status("failed")).as("59 s later: the cached reading").isZero();
        assertThat(bucket("none")).as("both gauges share the reading").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(status("failed")).as("60 s later: read again").isEqualTo(1);
        assertThat(bucket("none")).isEqualTo(1);
    }
}
