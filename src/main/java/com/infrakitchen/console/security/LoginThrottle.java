package com.infrakitchen.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per source address. After a number of free failures, every
 * further failure locks the key for a delay that doubles each time (up to a ceiling); while locked,
 * sign-in is refused without looking at the password. A success clears the account's count; address
 * counts fade once their delay has passed without new failures. See docs/decisions/0004-login-throttling.md.
 *
 * <p>Kept in memory: per instance, lost on restart (an attacker gains at most one round of free
 * failures per restart).
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final Clock clock;
    private final int accountFreeFailures;
    private final int addressFreeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
            @Value("${app.login.account-free-failures:5}") int accountFreeFailures,
            @Value("${app.login.address-free-failures:20}") int addressFreeFailures,
            @Value("${app.login.base-delay:PT2S}") Duration baseDelay,
            @Value("${app.login.max-delay:PT15M}") Duration maxDelay) {
        this.clock = clock;
        this.accountFreeFailures = accountFreeFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** When sign-in for this account or address is refused until, if it is now. */
    public Optional<Instant> blockedUntil(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts.get(account), now), lockedUntil(addresses.get(address), now));
        return Optional.ofNullable(until);
    }

    /**
     * Records a failure. Returns the lock now in force on the account, if this failure started one (so the
     * caller can audit "account locked").
     */
    public Optional<Duration> recordFailure(String account, String address) {
        Instant now = clock.instant();
        purgeIfLarge(now);
        Duration accountLock = bump(accounts, account, accountFreeFailures, now);
        if (address != null) {
            bump(addresses, address, addressFreeFailures, now);
        }
        return Optional.ofNullable(accountLock);
    }

    public void recordSuccess(String account) {
        accounts.remove(account);
    }

    /** Forgets everything (tests, and an admin who wants to unlock after an incident by restarting). */
    public void reset() {
        accounts.clear();
        addresses.clear();
    }

    private Duration bump(Map<String, Counter> map, String key, int free, Instant now) {
        Counter[] holder = new Counter[1];
        map.compute(key, (k, c) -> {
            Counter base = c == null || c.expired(now, maxDelay) ? new Counter(0, null, now) : c;
            int failures = base.failures + 1;
            Instant lockedUntil = base.lockedUntil;
            if (failures > free) {
                lockedUntil = now.plus(delayFor(failures - free));
            }
            holder[0] = new Counter(failures, lockedUntil, now);
            return holder[0];
        });
        Counter c = holder[0];
        return c.failures > free ? Duration.between(now, c.lockedUntil) : null;
    }

    /** base, 2 x base, 4 x base ... capped at the ceiling. */
    Duration delayFor(int lockNumber) {
        int shift = Math.min(lockNumber - 1, 30);
        Duration d = baseDelay.multipliedBy(1L << shift);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private static Instant lockedUntil(Counter c, Instant now) {
        return c != null && c.lockedUntil != null && c.lockedUntil.isAfter(now) ? c.lockedUntil : null;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private void purgeIfLarge(Instant now) {
        if (accounts.size() + addresses.size() > MAX_TRACKED) {
            accounts.values().removeIf(c -> c.expired(now, maxDelay));
            addresses.values().removeIf(c -> c.expired(now, maxDelay));
        }
    }

    private record Counter(int failures, Instant lockedUntil, Instant lastFailure) {
        /** A counter is forgotten once no failure came for the ceiling delay after its lock ended. */
        boolean expired(Instant now, Duration maxDelay) {
            Instant quietSince = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
            return quietSince.plus(maxDelay).isBefore(now);
        }
    }
}
