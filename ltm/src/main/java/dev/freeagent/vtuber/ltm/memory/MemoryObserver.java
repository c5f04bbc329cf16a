package dev.freeagent.vtuber.ltm.memory;

import java.time.Duration;

/**
 * Told what the memory did, for metrics. Implementations are thread-safe and never throw.
 */
public interface MemoryObserver {
    /**
     * Memories were stored.
     *
     * @param count how many (0 when the write found nothing new)
     */
    void written(int count);

    /**
     * A search answered.
     *
     * @param count memories returned
     * @param took time from the request to the answer, embedding included
     */
    void retrieved(int count, Duration took);
}
