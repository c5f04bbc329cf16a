package dev.freeagent.vtuber.workers.stream;

/**
 * What a handler did with an entry it finished.
 */
public enum Handled {
    /** The effect happened now. */
    APPLIED,
    /** The effect had already happened (a repeated delivery); nothing changed. */
    DUPLICATE,
    /** The entry is of a kind this consumer does not act on. */
    SKIPPED
}
