package dev.freeagent.vtuber.input.turn;

/**
 * A turn could not be answered; the message is the {@code error} text of the published result
 * (a sentence or a stable code such as {@code audio_payload_empty}, never a library message).
 */
public class TurnFailure extends RuntimeException {
    /**
     * Creates the failure.
     *
     * @param message the published error text
     */
    public TurnFailure(String message) {
        super(message);
    }

    /**
     * Creates the failure with its cause (logged, not published).
     *
     * @param message the published error text
     * @param cause what failed
     */
    public TurnFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
