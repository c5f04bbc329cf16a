package dev.freeagent.vtuber.workers.stream;

/**
 * What became of one delivery of an entry.
 */
public enum EntryOutcome {
    /** Handled and acknowledged; the effect happened now. */
    PROCESSED,
    /** Acknowledged; the effect had happened before. */
    DUPLICATE,
    /** Acknowledged without effect: not a kind of entry this consumer acts on. */
    SKIPPED,
    /** Handling failed; the entry stays pending and is delivered again later. */
    FAILED,
    /** Moved to the dead-letter stream and acknowledged. */
    DEAD_LETTERED;

    static EntryOutcome of(Handled handled) {
        return switch (handled) {
            case APPLIED -> PROCESSED;
            case DUPLICATE -> DUPLICATE;
            case SKIPPED -> SKIPPED;
        };
    }
}
