package dev.freeagent.vtuber.dialog.turn;

/**
 * A finished turn.
 *
 * @param reply the whole reply as delivered (the concatenation of the deltas)
 * @param transcript what the user said, as the dialog understood it
 * @param stats measurements
 * @param stopped true when a barge-in stopped the reply; {@code reply} then holds what was delivered before it
 */
public record TurnResult(String reply, String transcript, TurnStats stats, boolean stopped) {
}
