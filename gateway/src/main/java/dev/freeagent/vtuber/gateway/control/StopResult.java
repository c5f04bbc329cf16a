package dev.freeagent.vtuber.gateway.control;

/**
 * What became of a STOP request.
 *
 * @param outcome the kind of result
 * @param detail a sentence for the client (empty when stopped)
 */
public record StopResult(Outcome outcome, String detail) {

    /**
     * The kinds of result.
     */
    public enum Outcome {
        /** The session's speech was stopped. */
        STOPPED,
        /** Nothing was playing for the session. */
        NOTHING_PLAYING,
        /** Barge-in is switched off in output. */
        BARGE_IN_DISABLED,
        /** Output refused the request as malformed. */
        INVALID_REQUEST,
        /** Output could not be reached in time. */
        UNAVAILABLE,
        /** Output answered with an error we do not map. */
        FAILED
    }
}
