package dev.freeagent.vtuber.ltm.legacy;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.freeagent.vtuber.ltm.memory.MemoryObserver;

/**
 * Hands every write a bank reports to the test, so it can wait for asynchronous flows to finish.
 */
final class RecordingObserver implements MemoryObserver {
    private final BlockingQueue<Integer> writes = new LinkedBlockingQueue<>();

    @Override
    public void written(int count) {
        writes.add(count);
    }

    @Override
    public void retrieved(int count, Duration took) {
        // searches are not awaited
    }

    /**
     * Forgets the writes reported so far (by earlier tests, whose flows have finished).
     */
    void clear() {
        writes.clear();
    }

    /**
     * Waits for the next write.
     *
     * @param timeout bound
     * @return memories it stored
     */
    int awaitWrite(Duration timeout) throws InterruptedException {
        Integer count = writes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (count == null) {
            throw new AssertionError("no write within " + timeout.toMillis() + " ms");
        }
        return count;
    }

    /**
     * Waits briefly for a write; for loops that retry until a subscriber is there.
     *
     * @param timeout bound
     * @return true if one came
     */
    boolean wroteWithin(Duration timeout) throws InterruptedException {
        return writes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS) != null;
    }
}
