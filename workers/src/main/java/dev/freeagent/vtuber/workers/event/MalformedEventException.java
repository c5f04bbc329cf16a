package dev.freeagent.vtuber.workers.event;

import dev.freeagent.vtuber.workers.stream.PoisonEntryException;

/**
 * An entry that is not a well-formed outbox event; retrying cannot fix it, so it is dead-lettered at once.
 */
public final class MalformedEventException extends PoisonEntryException {
    /**
     * Creates the exception.
     *
     * @param message what is wrong, in words
     */
    public MalformedEventException(String message) {
        super(message);
    }
}
