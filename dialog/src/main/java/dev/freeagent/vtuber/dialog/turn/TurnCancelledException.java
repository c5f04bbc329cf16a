package dev.freeagent.vtuber.dialog.turn;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * The turn was cancelled (the client went away, cancelled its call, or its deadline passed). Nobody is left to
 * tell, so the edges only stop.
 */
public final class TurnCancelledException extends DialogException {
    /**
     * Creates the exception.
     *
     * @param cause what revealed the cancellation, may be null
     */
    public TurnCancelledException(Throwable cause) {
        super("The turn was cancelled.", cause);
    }
}
