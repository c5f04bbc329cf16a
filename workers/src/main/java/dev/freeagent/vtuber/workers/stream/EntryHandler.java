package dev.freeagent.vtuber.workers.stream;

/**
 * What a consumer does with each entry. Delivery is at least once, so handling must be idempotent. Called on the
 * consumer's own thread, one entry at a time; it may block.
 */
@FunctionalInterface
public interface EntryHandler {
    /**
     * Handles one entry; returning means the entry is done and is acknowledged.
     *
     * @param entry the entry
     * @return what became of it
     * @throws PoisonEntryException when the entry can never succeed: it goes to the dead-letter stream at once
     * @throws RetryLaterException when it may succeed later: it stays pending and is delivered again
     */
    Handled handle(StreamEntry entry);
}
