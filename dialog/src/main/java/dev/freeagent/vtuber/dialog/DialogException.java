package dev.freeagent.vtuber.dialog;

/**
 * The root of the dialog service's failures. The message of every subclass is one plain sentence that can be
 * shown to the user as is (the wire edges send it unchanged); technical detail goes into the cause.
 */
public abstract class DialogException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param sentence a sentence meant for the user
     * @param cause the technical cause, may be null
     */
    protected DialogException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
