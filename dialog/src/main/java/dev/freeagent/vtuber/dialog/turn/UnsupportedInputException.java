package dev.freeagent.vtuber.dialog.turn;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * A kind of input this build cannot handle yet (gRPC UNIMPLEMENTED).
 */
public final class UnsupportedInputException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param sentence e.g. {@code "Voice input is not available in this build yet."}
     */
    public UnsupportedInputException(String sentence) {
        super(sentence, null);
    }
}
