package dev.freeagent.vtuber.dialog.turn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A turn's cancellation signal. The edge that owns the turn cancels it (client gone, call cancelled); the parts
 * doing the work poll {@link #isCancelled()}, wait on it instead of sleeping, and register hooks that abort
 * blocking I/O at once. Thread-safe; cancelling twice is harmless.
 */
public final class Cancellation {
    private final CountDownLatch signal = new CountDownLatch(1);
    private volatile boolean stopped;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Runnable> hooks = new ArrayList<>(2);

    /**
     * Cancels: runs every registered hook once, on the calling thread.
     */
    public void cancel() {
        List<Runnable> toRun;
        lock.lock();
        try {
            if (signal.getCount() == 0) {
                return;
            }
            signal.countDown();
            toRun = List.copyOf(hooks);
            hooks.clear();
        } finally {
            lock.unlock();
        }
        toRun.forEach(Runnable::run);
    }

    /**
     * Barge-in: the user stopped the reply. Cancels like {@link #cancel()}, but the turn then ends normally with
     * what was delivered before the stop, instead of failing.
     */
    public void stop() {
        stopped = true;
        cancel();
    }

    /**
     * Whether the user stopped the reply ({@link #stop()}).
     *
     * @return true after a stop
     */
    public boolean isStopped() {
        return stopped;
    }

    /**
     * Whether the turn was cancelled.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return signal.getCount() == 0;
    }

    /**
     * Throws when cancelled.
     *
     * @throws TurnCancelledException when cancelled
     */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new TurnCancelledException(null);
        }
    }

    /**
     * Waits, unless cancelled first.
     *
     * @param duration how long
     * @return true when cancelled (or interrupted) before the time passed
     */
    public boolean await(Duration duration) {
        try {
            return signal.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Registers a hook that aborts some blocking work. Runs at once when already cancelled.
     *
     * @param hook what to run on cancellation; must not block
     * @return closing it removes the hook
     */
    public Registration onCancel(Runnable hook) {
        lock.lock();
        try {
            if (signal.getCount() != 0) {
                hooks.add(hook);
                return () -> remove(hook);
            }
        } finally {
            lock.unlock();
        }
        hook.run();
        return () -> { };
    }

    private void remove(Runnable hook) {
        lock.lock();
        try {
            hooks.remove(hook);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A registered hook; close it when the guarded work is over.
     */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
