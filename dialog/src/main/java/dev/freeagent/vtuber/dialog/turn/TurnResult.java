package dev.freeagent.vtuber.dialog.turn;

/**
 * A finished turn.
 *
 * @param reply the whole reply as delivered (the concatenation of the deltas)
 * @param transcript what the user said, as the dialog understood it
 * @param stats measurements
 */
public record TurnResult(String reply, String transcript, TurnStats stats) {
}
