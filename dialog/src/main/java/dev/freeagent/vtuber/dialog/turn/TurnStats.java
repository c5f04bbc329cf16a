package dev.freeagent.vtuber.dialog.turn;

import java.util.OptionalDouble;

/**
 * Measurements of one turn.
 *
 * @param ttftMs milliseconds from the start of the turn (context fetch included) to the first delta, one
 *               decimal; empty when there was no delta
 * @param tokens estimated reply tokens, see {@link TokenEstimate}
 * @param latencyMs milliseconds from the start of the turn to the end of the reply, one decimal
 * @param source {@code "llm"} or {@code "scripted"}
 */
public record TurnStats(OptionalDouble ttftMs, int tokens, double latencyMs, String source) {
    /**
     * Rounds milliseconds to one decimal, as the contract reports them.
     *
     * @param nanos a duration in nanoseconds
     * @return milliseconds with one decimal
     */
    public static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
