package com.infrakitchen.console.integration.check.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code check_slot}, {@code check_user} and {@code check_start} (V13, docs/decisions/0017): the Test Connection
 * limits' state, shared by every instance on the database. A slot is one row per running test, its key the
 * primary key, so two instances asking for one integration's slot at once get it once. A user's tests of the last
 * minute are counted and added to with that user's {@code check_user} row locked, so two instances take turns.
 */
@Repository
public class CheckLimitStore {

    /** How far ahead of this instance's clock another instance's start still counts (clocks a little apart). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public CheckLimitStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Takes the slot {@code key} for {@code instanceId} for {@code lease}; false when some instance holds it. A slot
     * whose lease ended (its instance died while testing) is taken over. Leases are on the database's clock, the one
     * clock every instance shares (the application's clock is the business time, which tests move).
     */
    public boolean claim(String key, String instanceId, boolean scheduled, Duration lease) {
        if (insertSlot(key, instanceId, scheduled, lease)) {
            return true;
        }
        int expired = jdbc.sql("DELETE FROM check_slot WHERE slot_key = :key AND lease_until < CURRENT_TIMESTAMP")
                .param("key", key).update();
        return expired > 0 && insertSlot(key, instanceId, scheduled, lease);
    }

    /**
     * Gives the slot back, if this instance still holds it, and deletes every slot whose lease ended (those of
     * instances that died while testing, which nobody else may ever ask for again: a form's key is its own).
     */
    public void release(String key, String instanceId) {
        jdbc.sql("DELETE FROM check_slot WHERE (slot_key = :key AND instance_id = :instance)"
                        + " OR lease_until < CURRENT_TIMESTAMP")
                .param("key", key).param("instance", instanceId).update();
    }

    /** The tests (not scheduled re-checks) holding a slot of this instance. */
    public int manualRunning(String instanceId) {
        return jdbc.sql("SELECT COUNT(*) FROM check_slot WHERE instance_id = :instance AND scheduled = FALSE")
                .param("instance", instanceId).query(Integer.class).single();
    }

    /**
     * Counts a test of {@code user} at {@code now} if fewer than {@code perMinute} of theirs started in the minute
     * before, anywhere in the cluster; false (nothing counted) when not.
     */
    public boolean countStart(String user, Instant now, int perMinute) {
        return Boolean.TRUE.equals(transactions.execute(tx -> countStartLocked(user, now, perMinute)));
    }

    private boolean countStartLocked(String user, Instant now, int perMinute) {
        jdbc.sql("INSERT INTO check_user (user_name) VALUES (:user) ON CONFLICT DO NOTHING").param("user", user)
                .update();
        jdbc.sql("SELECT user_name FROM check_user WHERE user_name = :user FOR UPDATE").param("user", user)
                .query(String.class).single();
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        jdbc.sql("DELETE FROM check_start WHERE user_name = :user AND started_at <= :minuteAgo")
                .param("user", user).param("minuteAgo", ts(minuteAgo)).update();
        int recent = jdbc.sql("SELECT COUNT(*) FROM check_start WHERE user_name = :user"
                        + " AND started_at > :minuteAgo AND started_at <= :ahead")
                .param("user", user).param("minuteAgo", ts(minuteAgo)).param("ahead", ts(now.plus(CLOCK_SKEW)))
                .query(Integer.class).single();
        if (recent >= perMinute) {
            return false;
        }
        jdbc.sql("INSERT INTO check_start (user_name, started_at) VALUES (:user, :now)").param("user", user)
                .param("now", ts(now)).update();
        return true;
    }

    private boolean insertSlot(String key, String instanceId, boolean scheduled, Duration lease) {
        return jdbc.sql("INSERT INTO check_slot (slot_key, instance_id, scheduled, lease_until)"
                        + " VALUES (:key, :instance, :scheduled, CURRENT_TIMESTAMP + CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND)"
                        + " ON CONFLICT DO NOTHING")
                .param("key", key).param("instance", instanceId).param("scheduled", scheduled)
                .param("seconds", Math.max(1, lease.toSeconds())).update() == 1;
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
