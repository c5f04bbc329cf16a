package dev.freeagent.vtuber.output.control;

import java.util.Optional;
import java.util.function.Supplier;

import dev.freeagent.vtuber.common.session.SessionDirectory;

/**
 * Decides what a STOP does: nothing when barge-in is switched off; else stops the session's speech here if this
 * instance holds the session, or forwards the STOP to the instance the session directory names (once: a forwarded
 * STOP is never forwarded again). Thread-safe.
 */
public final class BargeIn {
    private final boolean enabled;
    private final SpeechSessions sessions;
    private final SessionDirectory directory;
    private final Supplier<String> ownAddress;
    private final StopForwarder forwarder;

    /**
     * Creates the policy.
     *
     * @param enabled {@code SYNC_TTS_BARGE_IN}
     * @param sessions the speech streams of this instance
     * @param directory where sessions are held
     * @param ownAddress this instance's advertised address (never forwarded to)
     * @param forwarder carries a STOP to another instance
     */
    public BargeIn(boolean enabled, SpeechSessions sessions, SessionDirectory directory, Supplier<String> ownAddress,
                   StopForwarder forwarder) {
        this.enabled = enabled;
        this.sessions = sessions;
        this.directory = directory;
        this.ownAddress = ownAddress;
        this.forwarder = forwarder;
    }

    /**
     * Stops a session's speech.
     *
     * @param sessionId a non-blank session id
     * @param forwarded whether another instance forwarded this STOP here
     * @return what happened
     * @throws StopForwardingException when the instance holding the session did not answer
     */
    public StopResult stop(String sessionId, boolean forwarded) {
        if (!enabled) {
            return new StopResult(StopResult.Outcome.DISABLED, "SYNC_TTS_BARGE_IN disabled");
        }
        return switch (sessions.stop(sessionId)) {
        case STOPPED -> new StopResult(StopResult.Outcome.STOPPED, "Stopped the speech of session " + sessionId + ".");
        case IDLE -> new StopResult(StopResult.Outcome.NOTHING_PLAYING,
                                    "Session " + sessionId + " is connected, but no speech is streaming to it.");
        case NOT_HELD -> forwarded ? nothingPlaying(sessionId) : elsewhere(sessionId);
        };
    }

    private StopResult elsewhere(String sessionId) {
        Optional<String> holder = directory.lookup(sessionId).filter(address -> !address.equals(ownAddress.get()));
        return holder.isPresent() ? forwarder.forward(holder.get(), sessionId) : nothingPlaying(sessionId);
    }

    private static StopResult nothingPlaying(String sessionId) {
        return new StopResult(StopResult.Outcome.NOTHING_PLAYING, "Nothing is playing for session " + sessionId + ".");
    }
}
