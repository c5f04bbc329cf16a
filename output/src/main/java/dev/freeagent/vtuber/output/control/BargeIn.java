package dev.freeagent.vtuber.output.control;

/**
 * Decides what a STOP does: nothing when barge-in is switched off, else stops the session's speech.
 */
public final class BargeIn {
    private final boolean enabled;
    private final SpeechSessions sessions;

    /**
     * Creates the policy.
     *
     * @param enabled {@code SYNC_TTS_BARGE_IN}
     * @param sessions the speech streams
     */
    public BargeIn(boolean enabled, SpeechSessions sessions) {
        this.enabled = enabled;
        this.sessions = sessions;
    }

    /**
     * Stops a session's speech.
     *
     * @param sessionId a non-blank session id
     * @return what happened
     */
    public Result stop(String sessionId) {
        if (!enabled) {
            return Result.DISABLED;
        }
        return sessions.stop(sessionId) ? Result.STOPPED : Result.NOTHING_PLAYING;
    }

    /**
     * The outcome of a STOP.
     */
    public enum Result {
        /** The speech stopped. */
        STOPPED,
        /** Nothing was playing for the session. */
        NOTHING_PLAYING,
        /** Barge-in is switched off. */
        DISABLED
    }
}
