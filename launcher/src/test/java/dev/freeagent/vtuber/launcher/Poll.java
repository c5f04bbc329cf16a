package dev.freeagent.vtuber.launcher;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits on state that announces no event (SQLite files, Redis streams): the condition is checked every
 * {@value #INTERVAL_MS} ms until it holds or the bound has passed.
 */
final class Poll {
    private static final long INTERVAL_MS = 50;

    private Poll() {
    }

    /**
     * Waits until the condition holds.
     *
     * @param bound the longest wait
     * @param condition what must become true
     * @return whether it did within the bound
     */
    static boolean until(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(INTERVAL_MS).toNanos());
        }
        return true;
    }

    /**
     * Waits until the condition holds, or fails the test.
     *
     * @param bound the longest wait
     * @param condition what must become true
     * @param state what the test saw instead, for the failure message
     */
    static void require(Duration bound, BooleanSupplier condition, Supplier<String> state) {
        if (!until(bound, condition)) {
            throw new AssertionError("not within " + bound.toSeconds() + " s: " + state.get());
        }
    }
}
