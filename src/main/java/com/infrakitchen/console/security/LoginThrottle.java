package com.infrakitchen.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account <em>and</em> source address (a pair). The failure that reaches the
 * allowance locks that pair, and only that pair, for a delay that doubles with every further failure (up
 * to a ceiling); while locked, sign-in for the account from that address is refused without looking at
 * the password. Nobody can lock an account for somebody else at another address, and one address behind
 * a proxy or NAT cannot lock out the other accounts behind it.
 *
 * <p>The mild per-account part: once an account has collected many failures from anywhere (an attack
 * spread over many addresses), every address that fails for it is delayed from its first failure rather
 * than after the allowance. An address without failures for the account is never delayed.
 *
 * <p>A success clears the pair; an administrator can clear an account ({@link #unlock}). Counts fade once
 * quiet for the ceiling delay. Kept in memory: per instance, lost on restart. See
 * docs/decisions/0004-login-throttling.md.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED = 50_000;

    private final Clock clock;
    private final int failuresBeforeLock;
    private final int accountAlertFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Map<Pair, Counter> pairs = new ConcurrentHashMap<>();
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
            @Value("${app.login.failures-before-lock:5}") int failuresBeforeLock,
            @Value("${app.login.account-alert-failures:20}") int accountAlertFailures,
            @Value("${app.login.base-delay:PT2S}") Duration baseDelay,
            @Value("${app.login.max-delay:PT15M}") Duration maxDelay) {
        if (failuresBeforeLock < 1 || accountAlertFailures < 1) {
            throw new IllegalArgumentException("app.login.failures-before-lock and app.login.account-alert-failures"
                    + " must be at least 1");
        }
        this.clock = clock;
        this.failuresBeforeLock = failuresBeforeLock;
        this.accountAlertFailures = accountAlertFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** When sign-in for this account from this address is refused until, if it is now. */
    public Optional<Instant> blockedUntil(String account, @Nullable String address) {
        return Optional.ofNullable(lockedUntil(pairs.get(Pair.of(account, address)), clock.instant()));
    }

    /**
     * Records a failure. Returns the lock this failure started on the pair, if it started one (so the caller
     * can audit "account locked from address").
     */
    public Optional<Duration> recordFailure(String account, @Nullable String address) {
        Instant now = clock.instant();
        purgeIfLarge(now);
        Counter total = accounts.compute(account, (k, c) -> fresh(c, now).failed(now, null));
        int allowance = total.failures() > accountAlertFailures ? 1 : failuresBeforeLock;
        Counter pair = pairs.compute(Pair.of(account, address), (k, c) -> {
            Counter next = fresh(c, now);
            int failures = next.failures() + 1;
            Instant until = failures >= allowance ? now.plus(delayFor(failures - allowance + 1)) : next.lockedUntil();
            return new Counter(failures, until, now);
        });
        return pair.failures() >= allowance ? Optional.of(Duration.between(now, pair.lockedUntil()))
                : Optional.empty();
    }

    /** A success clears the pair; the account's total stays (an attack elsewhere goes on). */
    public void recordSuccess(String account, @Nullable String address) {
        pairs.remove(Pair.of(account, address));
    }

    /** The addresses from which sign-in to this account is refused right now, longest lock first. */
    public List<Lock> locks(String account) {
        Instant now = clock.instant();
        return pairs.entrySet().stream()
                .filter(e -> e.getKey().account().equals(account))
                .filter(e -> lockedUntil(e.getValue(), now) != null)
                .map(e -> new Lock(e.getKey().address(), e.getValue().lockedUntil(), e.getValue().failures()))
                .sorted(Comparator.comparing(Lock::until).reversed())
                .toList();
    }

    /** The accounts locked right now from at least one address (one pass over the counters). */
    public Set<String> lockedAccounts() {
        Instant now = clock.instant();
        return pairs.entrySet().stream().filter(e -> lockedUntil(e.getValue(), now) != null)
                .map(e -> e.getKey().account()).collect(Collectors.toSet());
    }

    /** Forgets every count of this account, from every address (an administrator's unlock). */
    public List<Lock> unlock(String account) {
        List<Lock> released = locks(account);
        pairs.keySet().removeIf(p -> p.account().equals(account));
        accounts.remove(account);
        return released;
    }

    /** Forgets everything (tests). */
    public void reset() {
        pairs.clear();
        accounts.clear();
    }

    /** A lock on one account from one address. {@code address} is empty when the source was unknown. */
    public record Lock(String address, Instant until, int failures) {
    }

    /** base, 2 x base, 4 x base ... capped at the ceiling. */
    Duration delayFor(int lockNumber) {
        int shift = Math.min(lockNumber - 1, 30);
        Duration d = baseDelay.multipliedBy(1L << shift);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Counter fresh(@Nullable Counter c, Instant now) {
        return c == null || c.expired(now, maxDelay) ? new Counter(0, null, now) : c;
    }

    private static @Nullable Instant lockedUntil(@Nullable Counter c, Instant now) {
        return c != null && c.lockedUntil() != null && c.lockedUntil().isAfter(now) ? c.lockedUntil() : null;
    }

    private void purgeIfLarge(Instant now) {
        if (accounts.size() + pairs.size() > MAX_TRACKED) {
            accounts.values().removeIf(c -> c.expired(now, maxDelay));
            pairs.values().removeIf(c -> c.expired(now, maxDelay));
        }
    }

    /** {@code address} is empty when the source was unknown. */
    private record Pair(String account, String address) {
        static Pair of(String account, @Nullable String address) {
            return new Pair(account, address == null ? "" : address);
        }
    }

    private record Counter(int failures, @Nullable Instant lockedUntil, Instant lastFailure) {
        Counter failed(Instant now, @Nullable Instant until) {
            return new Counter(failures + 1, until, now);
        }

        /** A counter is forgotten once no failure came for the ceiling delay after its lock ended. */
        boolean expired(Instant now, Duration maxDelay) {
            Instant quietSince = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
            return quietSince.plus(maxDelay).isBefore(now);
        }
    }
}
