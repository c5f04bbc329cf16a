package dev.freeagent.vtuber.ltm;

/**
 * The root of the ltm service's failures. The message of every subclass is one plain sentence that the wire
 * edges send unchanged; technical detail goes into the cause.
 */
public abstract class LtmException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param sentence a sentence meant for the caller
     * @param cause the technical cause, may be null
     */
    protected LtmException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
