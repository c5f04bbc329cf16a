package dev.freeagent.vtuber.dialog.turn;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An idle timer for one streaming piece of work (an LLM attempt, a synthesis): a virtual thread that runs its action
 * once no activity was seen for the timeout. Activity is a volatile write, so touching it per chunk costs nothing
 * measurable. Thread-safe; close it when the work ends.
 */
public final class Watchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Runnable onExpiry;
    private final Thread thread;
    private volatile long lastActivity;
    private volatile boolean closed;

    private Watchdog(Duration timeout, Runnable onExpiry) {
        this.timeoutNanos = timeout.toNanos();
        this.onExpiry = onExpiry;
        this.lastActivity = System.nanoTime();
        this.thread = Thread.ofVirtual().name("watchdog").unstarted(this::watch);
    }

    /**
     * Starts watching.
     *
     * @param timeout the longest silence
     * @param onExpiry what to run when it is exceeded; must not block
     * @return the running watchdog
     */
    public static Watchdog start(Duration timeout, Runnable onExpiry) {
        Watchdog watchdog = new Watchdog(timeout, onExpiry);
        watchdog.thread.start();
        return watchdog;
    }

    /**
     * Something arrived: the silence starts over.
     */
    public void touch() {
        lastActivity = System.nanoTime();
    }

    private void watch() {
        while (!closed) {
            long left = lastActivity + timeoutNanos - System.nanoTime();
            if (left <= 0) {
                onExpiry.run();
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
