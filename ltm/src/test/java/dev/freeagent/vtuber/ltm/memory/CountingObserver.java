package dev.freeagent.vtuber.ltm.memory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what a bank reports.
 */
public final class CountingObserver implements MemoryObserver {
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger retrieved = new AtomicInteger();

    @Override
    public void written(int count) {
        written.addAndGet(count);
    }

    @Override
    public void retrieved(int count, Duration took) {
        retrieved.addAndGet(count);
    }

    /**
     * Memories reported written.
     *
     * @return count
     */
    public int written() {
        return written.get();
    }

    /**
     * Memories reported retrieved.
     *
     * @return count
     */
    public int retrieved() {
        return retrieved.get();
    }
}
