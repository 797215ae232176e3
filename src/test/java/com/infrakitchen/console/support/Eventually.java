package com.infrakitchen.console.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for work another thread does on its own schedule (db-scheduler's polling threads), checking the condition
 * every 20 ms up to a bound: time is never what the test is about, only how long it is willing to wait.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + atMost + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + what);
            }
        }
    }

    public static <T> T value(String what, Duration atMost, Supplier<T> read, Predicate<T> ok) {
        Object[] last = new Object[1];
        await(what, atMost, () -> {
            T v = read.get();
            last[0] = v;
            return ok.test(v);
        });
        @SuppressWarnings("unchecked")
        T v = (T) last[0];
        return v;
    }
}
