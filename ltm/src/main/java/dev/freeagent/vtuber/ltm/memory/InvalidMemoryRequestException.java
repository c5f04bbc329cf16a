package dev.freeagent.vtuber.ltm.memory;

import dev.freeagent.vtuber.ltm.LtmException;

/**
 * A request the memory cannot take as it is: a missing user id or query, a value over a limit.
 */
public final class InvalidMemoryRequestException extends LtmException {
    /**
     * Creates the exception.
     *
     * @param sentence what is wrong, naming the field and the limit
     */
    public InvalidMemoryRequestException(String sentence) {
        super(sentence, null);
    }
}
