package dev.freeagent.vtuber.dialog.turn;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * The language model could not be reached, answered an error, broke off, or wrote nothing, and retrying did not
 * help (gRPC UNAVAILABLE, SSE {@code error} event).
 */
public final class ModelUnavailableException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param sentence e.g. {@code "The language model at api.example.com answered HTTP 500."}
     * @param cause the technical cause, may be null
     */
    public ModelUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
