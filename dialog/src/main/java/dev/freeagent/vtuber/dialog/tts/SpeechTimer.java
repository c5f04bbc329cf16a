package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds one synthesis: a virtual thread that runs its action once no progress was reported for the timeout.
 * Providers that never call {@link #touch()} get a plain deadline. Thread-safe; close it when the synthesis ends.
 */
final class SpeechTimer implements AutoCloseable {
    private final long timeoutNanos;
    private final Runnable onExpiry;
    private final Thread thread;
    private volatile long lastProgress;
    private volatile boolean closed;

    private SpeechTimer(Duration timeout, Runnable onExpiry) {
        this.timeoutNanos = timeout.toNanos();
        this.onExpiry = onExpiry;
        this.lastProgress = System.nanoTime();
        this.thread = Thread.ofVirtual().name("tts-timer").unstarted(this::watch);
    }

    /**
     * Starts the timer.
     *
     * @param timeout the longest time without progress
     * @param onExpiry what to run when it passes; must not block
     * @return the running timer
     */
    static SpeechTimer start(Duration timeout, Runnable onExpiry) {
        SpeechTimer timer = new SpeechTimer(timeout, onExpiry);
        timer.thread.start();
        return timer;
    }

    /**
     * Progress was made: the timeout starts over.
     */
    void touch() {
        lastProgress = System.nanoTime();
    }

    private void watch() {
        while (!closed) {
            long left = lastProgress + timeoutNanos - System.nanoTime();
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
