package dev.freeagent.vtuber.dialog.tts;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * Speech synthesis failed; the message is a sentence meant for logs and users.
 */
public final class TtsException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param message what failed, for a user
     * @param cause the underlying failure, may be null
     */
    public TtsException(String message, Throwable cause) {
        super(message, cause);
    }
}
