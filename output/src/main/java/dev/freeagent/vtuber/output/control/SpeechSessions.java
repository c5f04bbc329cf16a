package dev.freeagent.vtuber.output.control;

/**
 * The speech streams this instance plays, by session id (implemented by the speech relay).
 */
@FunctionalInterface
public interface SpeechSessions {
    /**
     * Stops the session's speech on this instance: no audio frame reaches its client after this returns.
     *
     * @param sessionId the session (the task id of the client's output socket)
     * @return what this instance found
     */
    LocalStop stop(String sessionId);

    /**
     * What a STOP found on this instance.
     */
    enum LocalStop {
        /** A stream was playing and is now stopped. */
        STOPPED,
        /** The session's socket is here, but nothing is streaming to it. */
        IDLE,
        /** No socket of the session is here. */
        NOT_HELD
    }
}
