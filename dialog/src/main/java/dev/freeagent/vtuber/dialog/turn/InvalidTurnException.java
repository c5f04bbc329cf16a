package dev.freeagent.vtuber.dialog.turn;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * The turn's input is empty or malformed (HTTP 400, gRPC INVALID_ARGUMENT).
 */
public final class InvalidTurnException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param sentence what is wrong, e.g. {@code "content required"}
     */
    public InvalidTurnException(String sentence) {
        super(sentence, null);
    }
}
