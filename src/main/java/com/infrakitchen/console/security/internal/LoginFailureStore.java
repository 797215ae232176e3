package com.infrakitchen.console.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code login_failure} (V13, docs/decisions/0017): the sign-in throttle's counters, shared by every instance on
 * the database. A counter is changed only inside a transaction that holds its row lock ({@link #change}), so two
 * instances counting failures of one account take turns and neither loses the other's count.
 */
@Repository
public class LoginFailureStore {

    /** The address of an account's counter of failures from anywhere (no source address is written so). */
    public static final String ANY_ADDRESS = "*";

    private final JdbcClient jdbc;

    public LoginFailureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counter of {@code account} from {@code address}, if there is one. */
    public Optional<Counter> find(String account, String address) {
        return jdbc.sql("SELECT account, address, failures, locked_until, last_failure FROM login_failure"
                        + " WHERE account = :account AND address = :address")
                .param("account", account).param("address", address).query(LoginFailureStore::counter).optional();
    }

    /**
     * Replaces the counter of {@code account} from {@code address} by what {@code change} makes of it (a counter
     * of no failures when there was none), with its row locked; {@code forgetAfter} says when the new counter may be
     * deleted once nothing else happened. Returns the new counter.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Counter change(String account, String address, Instant now, UnaryOperator<Counter> change,
            java.util.function.Function<Counter, Instant> forgetAfter) {
        // A row to lock: concurrent first failures insert one row, the others do nothing (and wait for it to commit).
        jdbc.sql("INSERT INTO login_failure (account, address, failures, locked_until, last_failure, forget_after)"
                        + " VALUES (:account, :address, 0, NULL, :now, :now) ON CONFLICT DO NOTHING")
                .param("account", account).param("address", address).param("now", ts(now)).update();
        Counter current = jdbc.sql("SELECT account, address, failures, locked_until, last_failure FROM login_failure"
                        + " WHERE account = :account AND address = :address FOR UPDATE")
                .param("account", account).param("address", address).query(LoginFailureStore::counter).single();
        Counter next = change.apply(current);
        jdbc.sql("UPDATE login_failure SET failures = :failures, locked_until = :lockedUntil,"
                        + " last_failure = :lastFailure, forget_after = :forgetAfter"
                        + " WHERE account = :account AND address = :address")
                .param("failures", next.failures()).param("lockedUntil", ts(next.lockedUntil()))
                .param("lastFailure", ts(next.lastFailure())).param("forgetAfter", ts(forgetAfter.apply(next)))
                .param("account", account).param("address", address).update();
        return next;
    }

    public void delete(String account, String address) {
        jdbc.sql("DELETE FROM login_failure WHERE account = :account AND address = :address")
                .param("account", account).param("address", address).update();
    }

    /** Deletes every counter of {@code account}; returns the locks they held at {@code now}. */
    @Transactional
    public List<Counter> deleteAccount(String account, Instant now) {
        List<Counter> locked = locks(account, now);
        jdbc.sql("DELETE FROM login_failure WHERE account = :account").param("account", account).update();
        return locked;
    }

    /** The pairs of {@code account} locked at {@code now}, longest lock first. */
    public List<Counter> locks(String account, Instant now) {
        return jdbc.sql("SELECT account, address, failures, locked_until, last_failure FROM login_failure"
                        + " WHERE account = :account AND address <> :any AND locked_until > :now"
                        + " ORDER BY locked_until DESC, address")
                .param("account", account).param("any", ANY_ADDRESS).param("now", ts(now))
                .query(LoginFailureStore::counter).list();
    }

    /** The accounts locked at {@code now} from at least one address. */
    public List<String> lockedAccounts(Instant now) {
        return jdbc.sql("SELECT DISTINCT account FROM login_failure WHERE locked_until > :now AND address <> :any")
                .param("now", ts(now)).param("any", ANY_ADDRESS).query(String.class).list();
    }

    /** Deletes the counters quiet long enough to be forgotten. */
    public int purge(Instant now) {
        return jdbc.sql("DELETE FROM login_failure WHERE forget_after < :now").param("now", ts(now)).update();
    }

    /** Deletes every counter (tests). */
    public void deleteAll() {
        jdbc.sql("DELETE FROM login_failure").update();
    }

    /** Failures of an account from an address (or from {@link #ANY_ADDRESS}), its lock if any, its last failure. */
    public record Counter(String account, String address, int failures, @Nullable Instant lockedUntil,
            Instant lastFailure) {
    }

    private static Counter counter(ResultSet rs, int row) throws SQLException {
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new Counter(rs.getString("account"), rs.getString("address"), rs.getInt("failures"),
                locked == null ? null : locked.toInstant(),
                rs.getObject("last_failure", OffsetDateTime.class).toInstant());
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
