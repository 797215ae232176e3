package com.infrakitchen.console.integration.credential;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * When a credential runs out, and how loudly to say so (docs/product.md 5, 6, 8; issue 12): the one place for the
 * thresholds of 14, 7 and 1 days that the check, the grid, its "Expiring soon" filter, the detail page and
 * {@code /health} all use. A token's expiry is the date the user entered (Azure DevOps does not tell a token its
 * own); an SSH key's is {@link #SSH_KEY_LIFETIME} after the day it was added (Azure DevOps expires uploaded SSH
 * public keys after one year, docs/azure-devops.md 8.2). Days are whole days between the application {@code Clock}'s
 * today and the date.
 */
public final class CredentialExpiry {

    /** From this many days ahead (or fewer), and once expired, a credential needs attention. */
    public static final int WARNING_DAYS = 14;
    /** From this many days ahead (or fewer) the warning is stronger. */
    public static final int STRONG_WARNING_DAYS = 7;
    /** From this many days ahead (tomorrow) and on the day itself it is urgent. */
    public static final int LAST_DAYS = 1;
    /** Azure DevOps expires an uploaded SSH public key this long after it was added. */
    public static final Period SSH_KEY_LIFETIME = Period.ofYears(1);

    /** Why a "Key added on" date is refused: the day a key was added cannot be after today. */
    public static final String KEY_ADDED_IN_FUTURE = "Key added on cannot be in the future: enter the day the public"
            + " key was added under User settings → SSH public keys (today at the latest), or leave it empty";

    /** How close an expiry is, least urgent first. */
    public enum Level {
        /** No date known, or more than {@value #WARNING_DAYS} days ahead. */
        NONE,
        /** {@value #STRONG_WARNING_DAYS} + 1 to {@value #WARNING_DAYS} days ahead. */
        DAYS_14,
        /** {@value #LAST_DAYS} + 1 to {@value #STRONG_WARNING_DAYS} days ahead. */
        DAYS_7,
        /** Tomorrow or today. */
        DAYS_1,
        /** Before today. */
        EXPIRED;

        /** Whether there is anything to say (any level but {@link #NONE}). */
        public boolean warns() {
            return this != NONE;
        }
    }

    private CredentialExpiry() {
    }

    /** The level of an expiry on {@code expiresOn} (null: unknown) seen on {@code today}. */
    public static Level level(@Nullable LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return Level.NONE;
        }
        long days = daysLeft(expiresOn, today);
        if (days < 0) {
            return Level.EXPIRED;
        }
        if (days <= LAST_DAYS) {
            return Level.DAYS_1;
        }
        if (days <= STRONG_WARNING_DAYS) {
            return Level.DAYS_7;
        }
        return days <= WARNING_DAYS ? Level.DAYS_14 : Level.NONE;
    }

    /** Whole days from {@code today} to {@code expiresOn}: negative once expired. */
    public static long daysLeft(LocalDate expiresOn, LocalDate today) {
        return ChronoUnit.DAYS.between(today, expiresOn);
    }

    /** The countdown: "in 12 days", "tomorrow", "today", "expired 1 day ago", "expired 3 days ago". */
    public static String countdown(LocalDate expiresOn, LocalDate today) {
        long days = daysLeft(expiresOn, today);
        if (days < 0) {
            return "expired " + (-days) + (days == -1 ? " day ago" : " days ago");
        }
        if (days == 0) {
            return "today";
        }
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }

    /** The last day on which an expiry counts as "expiring soon" seen on {@code today} (expired ones included). */
    public static LocalDate expiringBy(LocalDate today) {
        return today.plusDays(WARNING_DAYS);
    }

    /** When an SSH key added to Azure DevOps on {@code addedOn} expires there; null when the day is unknown. */
    public static @Nullable LocalDate sshKeyExpiresOn(@Nullable LocalDate addedOn) {
        return addedOn == null ? null : addedOn.plus(SSH_KEY_LIFETIME);
    }

    /**
     * The latest day an SSH key may have been added for it to expire on or before {@code by}: what a query compares
     * the stored added-on date with (so no date arithmetic in SQL). A year back from {@code by}, or the day after
     * when that is 28 February of a leap year (a key added on 29 February expires on 28 February).
     */
    public static LocalDate sshKeyAddedOnOrBefore(LocalDate by) {
        LocalDate addedBy = by.minus(SSH_KEY_LIFETIME);
        while (!addedBy.plusDays(1).plus(SSH_KEY_LIFETIME).isAfter(by)) {
            addedBy = addedBy.plusDays(1);
        }
        return addedBy;
    }
}
