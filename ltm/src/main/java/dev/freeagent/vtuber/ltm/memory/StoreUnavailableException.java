package dev.freeagent.vtuber.ltm.memory;

import dev.freeagent.vtuber.ltm.LtmException;

/**
 * The memory store cannot be read or written right now.
 */
public final class StoreUnavailableException extends LtmException {
    /**
     * Creates the exception.
     *
     * @param sentence what failed
     * @param cause the database error
     */
    public StoreUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
