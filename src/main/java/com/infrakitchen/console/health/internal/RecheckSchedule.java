package com.infrakitchen.console.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When an integration's scheduled re-checks fall: every {@code interval}, at an offset within the interval that is
 * the integration's own and never changes (derived from its id), so that a fleet's re-checks are spread evenly over
 * the interval instead of all starting at the top of the hour, and a restart or another instance computes the same
 * times. The slots of an integration are {@code epoch + offset + k * interval}.
 */
public final class RecheckSchedule {

    private RecheckSchedule() {
    }

    /** The integration's offset within the interval, in {@code [0, interval)}, to the millisecond. */
    public static Duration offset(UUID id, Duration interval) {
        long millis = interval.toMillis();
        return Duration.ofMillis(Math.floorMod(mix(id.getMostSignificantBits() ^ id.getLeastSignificantBits()),
                millis));
    }

    /** The integration's first slot strictly after {@code after}. */
    public static Instant nextAfter(Instant after, UUID id, Duration interval) {
        long period = interval.toMillis();
        long offset = offset(id, interval).toMillis();
        long t = after.toEpochMilli();
        long k = Math.floorDiv(t - offset, period) + 1;
        return Instant.ofEpochMilli(offset + k * period);
    }

    /** A 64-bit finaliser (the one of SplitMix64): ids that differ in one bit land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
