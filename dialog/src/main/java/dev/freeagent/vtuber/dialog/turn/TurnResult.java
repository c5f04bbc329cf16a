package dev.freeagent.vtuber.dialog.turn;

/**
 * A finished turn.
 *
 * @param reply the whole reply as delivered (the concatenation of the deltas)
 * @param transcript what the user said, as the dialog understood it
 * @param stats measurements
 * @param stopped true when a barge-in stopped the reply; {@code reply} then holds what was delivered before it
 * @param spoken true when the reply is being spoken to the session's output socket
 */
public record TurnResult(String reply, String transcript, TurnStats stats, boolean stopped, boolean spoken) {
    /**
     * The same result, spoken or not.
     *
     * @param isSpoken whether the reply is spoken
     * @return the result
     */
    public TurnResult spoken(boolean isSpoken) {
        return new TurnResult(reply, transcript, stats, stopped, isSpoken);
    }
}
