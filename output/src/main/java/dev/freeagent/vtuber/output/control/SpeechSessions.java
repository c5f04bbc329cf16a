package dev.freeagent.vtuber.output.control;

/**
 * The speech streams this replica is playing, by session id. The TTS ingest (the voice issue)
 * implements it; until then nothing ever plays.
 */
@FunctionalInterface
public interface SpeechSessions {
    /**
     * A replica with no speech streams.
     *
     * @return sessions where nothing plays
     */
    static SpeechSessions none() {
        return sessionId -> false;
    }

    /**
     * Stops the session's speech: no audio frame reaches its client after this returns.
     *
     * @param sessionId the session (the task id of the client's output socket)
     * @return true if something was playing and is now stopped
     */
    boolean stop(String sessionId);
}
