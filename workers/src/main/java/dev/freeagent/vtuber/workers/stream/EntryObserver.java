package dev.freeagent.vtuber.workers.stream;

/**
 * Told the outcome of every delivery (metrics). Called on the consumer's thread; must not block.
 */
@FunctionalInterface
public interface EntryObserver {
    /**
     * One delivery ended.
     *
     * @param outcome what became of it
     */
    void observed(EntryOutcome outcome);
}
