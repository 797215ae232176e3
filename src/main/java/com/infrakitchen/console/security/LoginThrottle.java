package com.infrakitchen.console.security;

import com.infrakitchen.console.security.internal.LoginFailureStore;
import com.infrakitchen.console.security.internal.LoginFailureStore.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * quiet for the ceiling delay. Kept in the database ({@code login_failure}, V13), so the counts and locks hold for
 * every instance sharing it and survive a restart: five failures are five whichever instance served them. See
 * docs/decisions/0004-login-throttling.md and 0017-cluster-wide-limits.md.
 */
@Component
public class LoginThrottle {

    private final LoginFailureStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int failuresBeforeLock;
    private final int accountAlertFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;

    public LoginThrottle(LoginFailureStore store, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${app.login.failures-before-lock:5}") int failuresBeforeLock,
            @Value("${app.login.account-alert-failures:20}") int accountAlertFailures,
            @Value("${app.login.base-delay:PT2S}") Duration baseDelay,
            @Value("${app.login.max-delay:PT15M}") Duration maxDelay) {
        if (failuresBeforeLock < 1 || accountAlertFailures < 1) {
            throw new IllegalArgumentException("app.login.failures-before-lock and app.login.account-alert-failures"
                    + " must be at least 1");
        }
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.failuresBeforeLock = failuresBeforeLock;
        this.accountAlertFailures = accountAlertFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** When sign-in for this account from this address is refused until, if it is now. */
    public Optional<Instant> blockedUntil(String account, @Nullable String address) {
        Instant now = clock.instant();
        return store.find(account(account), address(address)).map(c -> lockedUntil(c, now));
    }

    /**
     * Records a failure. Returns the lock this failure started on the pair, if it started one (so the caller
     * can audit "account locked from address").
     */
    public Optional<Duration> recordFailure(String typed, @Nullable String address) {
        String account = account(typed);
        Instant now = clock.instant();
        store.purge(now);
        String from = address(address);
        Optional<Duration> started = transactions.execute(tx -> {
            // The account's counter first, then the pair's: every instance locks them in this order.
            Counter total = store.change(account, LoginFailureStore.ANY_ADDRESS, now,
                    c -> new Counter(account, c.address(), fresh(c, now).failures() + 1, null, now), this::forgetAfter);
            int allowance = total.failures() > accountAlertFailures ? 1 : failuresBeforeLock;
            Counter pair = store.change(account, from, now, c -> {
                Counter next = fresh(c, now);
                int failures = next.failures() + 1;
                Instant until = failures >= allowance ? now.plus(delayFor(failures - allowance + 1))
                        : next.lockedUntil();
                return new Counter(account, from, failures, until, now);
            }, this::forgetAfter);
            return pair.failures() >= allowance && pair.lockedUntil() != null
                    ? Optional.of(Duration.between(now, pair.lockedUntil())) : Optional.<Duration>empty();
        });
        return started == null ? Optional.empty() : started;
    }

    /** A success clears the pair; the account's total stays (an attack elsewhere goes on). */
    public void recordSuccess(String account, @Nullable String address) {
        store.delete(account(account), address(address));
    }

    /** The addresses from which sign-in to this account is refused right now, longest lock first. */
    public List<Lock> locks(String account) {
        return store.locks(account, clock.instant()).stream().map(LoginThrottle::lock).toList();
    }

    /** The accounts locked right now from at least one address. */
    public Set<String> lockedAccounts() {
        return new LinkedHashSet<>(store.lockedAccounts(clock.instant()));
    }

    /** Forgets every count of this account, from every address (an administrator's unlock). */
    public List<Lock> unlock(String account) {
        return store.deleteAccount(account, clock.instant()).stream().map(LoginThrottle::lock).toList();
    }

    /** Forgets everything (tests). */
    public void reset() {
        store.deleteAll();
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

    private Counter fresh(Counter c, Instant now) {
        return forgetAfter(c).isBefore(now) ? new Counter(c.account(), c.address(), 0, null, now) : c;
    }

    /** A counter is forgotten once no failure came for the ceiling delay after its lock ended. */
    private Instant forgetAfter(Counter c) {
        Instant quietSince = c.lockedUntil() != null && c.lockedUntil().isAfter(c.lastFailure()) ? c.lockedUntil()
                : c.lastFailure();
        return quietSince.plus(maxDelay);
    }

    private static @Nullable Instant lockedUntil(Counter c, Instant now) {
        return c.lockedUntil() != null && c.lockedUntil().isAfter(now) ? c.lockedUntil() : null;
    }

    private static Lock lock(Counter c) {
        return new Lock(c.address(), java.util.Objects.requireNonNull(c.lockedUntil()), c.failures());
    }

    /** {@code address} is empty when the source was unknown; cut to the column's 64 characters (IPv6 needs 45). */
    private static String address(@Nullable String address) {
        return address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
    }

    /** Cut to the column's 320 characters: no account name is that long (32), but what is typed may be. */
    private static String account(String account) {
        return account.length() > 320 ? account.substring(0, 320) : account;
    }
}
