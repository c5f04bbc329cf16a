package dev.freeagent.vtuber.dialog.turn;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * The language model stayed silent longer than its request timeout (gRPC DEADLINE_EXCEEDED).
 */
public final class ModelTimeoutException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param sentence e.g. {@code "The language model did not answer within 30 s."}
     */
    public ModelTimeoutException(String sentence) {
        super(sentence, null);
    }
}
