package dev.freeagent.vtuber.output.control;

/**
 * The outcome of a STOP, wherever it was carried out.
 *
 * @param outcome what happened
 * @param detail a sentence that explains it
 */
public record StopResult(Outcome outcome, String detail) {
    /**
     * What a STOP did.
     */
    public enum Outcome {
        /** The speech stopped. */
        STOPPED,
        /** Nothing was playing for the session. */
        NOTHING_PLAYING,
        /** Barge-in is switched off. */
        DISABLED
    }
}
