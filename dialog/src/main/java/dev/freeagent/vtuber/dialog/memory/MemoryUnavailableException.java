package dev.freeagent.vtuber.dialog.memory;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * The short-term memory database failed. Turns go on without memory; the cause is logged.
 */
public final class MemoryUnavailableException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param what what could not be done
     * @param cause the database error
     */
    public MemoryUnavailableException(String what, Throwable cause) {
        super("The conversation memory is unavailable: " + what + ".", cause);
    }
}
