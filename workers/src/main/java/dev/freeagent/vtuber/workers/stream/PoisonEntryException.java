package dev.freeagent.vtuber.workers.stream;

/**
 * An entry that no number of retries can make succeed (malformed, or refused as invalid). Its message is stored
 * with the entry in the dead-letter stream, so it says what is wrong in words.
 */
public class PoisonEntryException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what is wrong with the entry
     */
    public PoisonEntryException(String message) {
        super(message);
    }
}
