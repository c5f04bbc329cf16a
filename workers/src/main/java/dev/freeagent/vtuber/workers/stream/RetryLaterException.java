package dev.freeagent.vtuber.workers.stream;

/**
 * An entry whose effect could not happen now (a downstream service or store is unreachable or failed); it stays
 * pending and is tried again after the group's minimum idle time, until the delivery limit. Its message is stored
 * with the entry if it ends in the dead-letter stream.
 */
public class RetryLaterException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what failed, in words
     * @param cause the underlying failure
     */
    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
