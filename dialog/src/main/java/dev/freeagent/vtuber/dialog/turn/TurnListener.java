package dev.freeagent.vtuber.dialog.turn;

/**
 * Receives a turn's events, in order, on the thread running the turn: zero or more deltas, then exactly one
 * {@link #onDone} when the turn succeeds. A failure is thrown by {@link TurnRunner#run} instead. A listener that
 * cannot deliver (the client went away) throws, and the turn is cancelled.
 */
public interface TurnListener {
    /**
     * A piece of the reply.
     *
     * @param delta non-empty text
     */
    void onDelta(String delta);

    /**
     * The reply is complete; the edge may finish its stream now (memory is written after this returns).
     *
     * @param result the result
     */
    void onDone(TurnResult result);
}
