package com.infrakitchen.console.integration.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.infrakitchen.console.integration.credential.CredentialExpiry.Level;
import com.infrakitchen.console.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one set of expiry thresholds (issue 12): the level of an expiry date at each edge of 14, 7 and 1 days, read on
 * a clock the test moves (the day changes at midnight UTC), and the SSH key's year.
 */
class CredentialExpiryTest {

    static final LocalDate EXPIRES = LocalDate.parse("2030-03-20");

    @Test
    void theLevelChangesAtFourteenSevenAndOneDaysAndOnceTheDayHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2030-03-20T12:00:00Z"));
        Map<Integer, Level> expected = new LinkedHashMap<>();
        expected.put(15, Level.NONE);
        expected.put(14, Level.DAYS_14);
        expected.put(8, Level.DAYS_14);
        expected.put(7, Level.DAYS_7);
        expected.put(2, Level.DAYS_7);
        expected.put(1, Level.DAYS_1);
        expected.put(0, Level.DAYS_1);
        expected.put(-1, Level.EXPIRED);
        expected.forEach((daysAhead, level) -> {
            // the last second of the day before, and the first of the day: the day decides, not the hour
            clock.set(EXPIRES.minusDays(daysAhead).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
            assertThat(CredentialExpiry.level(EXPIRES, LocalDate.now(clock))).as("%s days ahead", daysAhead)
                    .isEqualTo(level);
            clock.advance(Duration.ofHours(24).minusSeconds(1));
            assertThat(CredentialExpiry.level(EXPIRES, LocalDate.now(clock))).as("%s days ahead, 23:59:59", daysAhead)
                    .isEqualTo(level);
        });
        assertThat(CredentialExpiry.level(null, LocalDate.now(clock))).as("no date: nothing to say")
                .isEqualTo(Level.NONE);
        assertThat(Level.NONE.warns()).isFalse();
        assertThat(Level.DAYS_14.warns()).isTrue();
        assertThat(Level.EXPIRED.warns()).isTrue();
    }

    @Test
    void theCountdownSaysDaysTomorrowTodayAndHowLongAgo() {
        assertThat(CredentialExpiry.countdown(EXPIRES, EXPIRES.minusDays(12))).isEqualTo("in 12 days");
        assertThat(CredentialExpiry.countdown(EXPIRES, EXPIRES.minusDays(1))).isEqualTo("tomorrow");
        assertThat(CredentialExpiry.countdown(EXPIRES, EXPIRES)).isEqualTo("today");
        assertThat(CredentialExpiry.countdown(EXPIRES, EXPIRES.plusDays(1))).isEqualTo("expired 1 day ago");
        assertThat(CredentialExpiry.countdown(EXPIRES, EXPIRES.plusDays(3))).isEqualTo("expired 3 days ago");
        assertThat(CredentialExpiry.expiringBy(EXPIRES)).isEqualTo(EXPIRES.plusDays(14));
    }

    @Test
    void anSshKeyExpiresAYearAfterItWasAddedAndTheQueryBoundMatchesThatEvenAcrossALeapDay() {
        assertThat(CredentialExpiry.sshKeyExpiresOn(LocalDate.parse("2030-03-05"))).isEqualTo("2031-03-05");
        assertThat(CredentialExpiry.sshKeyExpiresOn(null)).isNull();
        assertThat(CredentialExpiry.sshKeyExpiresOn(LocalDate.parse("2028-02-29"))).isEqualTo("2029-02-28");
        assertThat(CredentialExpiry.sshKeyAddedOnOrBefore(LocalDate.parse("2031-03-19"))).isEqualTo("2030-03-19");
        assertThat(CredentialExpiry.sshKeyAddedOnOrBefore(LocalDate.parse("2029-02-28")))
                .as("a key added on 29 February 2028 expires on 28 February 2029").isEqualTo("2028-02-29");
        // the bound is exactly the set of days whose key expires by then, around the leap day
        for (LocalDate by = LocalDate.parse("2029-02-20"); by.isBefore(LocalDate.parse("2029-03-10"));
                by = by.plusDays(1)) {
            LocalDate bound = CredentialExpiry.sshKeyAddedOnOrBefore(by);
            assertThat(CredentialExpiry.sshKeyExpiresOn(bound)).as("by %s", by).isBeforeOrEqualTo(by);
            assertThat(CredentialExpiry.sshKeyExpiresOn(bound.plusDays(1))).as("by %s", by).isAfter(by);
        }
    }
}
