package dev.freeagent.vtuber.workers.stream;

/**
 * Where a consumer's loop is.
 */
public enum ConsumerState {
    /** Started, not yet connected. */
    STARTING,
    /** Connected, group in place, reading and handling entries. */
    READING,
    /** Redis failed; waiting before the next attempt. */
    WAITING_FOR_REDIS,
    /** Closed. */
    STOPPED
}
