package dev.freeagent.vtuber.dialog.speech;

import java.time.Duration;
import java.util.Optional;

/**
 * Opens lines to the output socket of a session, wherever it is held.
 */
@FunctionalInterface
public interface SpeechOutlet {
    /** Speaks to no one: speech is switched off. */
    SpeechOutlet NONE = (sessionId, taskId, kind, wait, onStop) -> Optional.empty();

    /**
     * Opens a line, waiting up to {@code wait} for the session's client socket to appear.
     *
     * @param sessionId the client's output socket id
     * @param taskId for logs
     * @param kind what the bytes are
     * @param wait how long to wait for the session's socket; zero: only a socket already open
     * @param onStop called (once, on any thread) when the client's side asks to stop
     * @return the line, or empty when no socket appeared in time or speech is unavailable
     */
    Optional<SpeechLine> open(String sessionId, String taskId, Kind kind, Duration wait, Runnable onStop);

    /**
     * What the audio bytes are.
     */
    enum Kind {
        /** 16-bit PCM speech of a reply; the client gets it in the form it chose. */
        REPLY,
        /** The contract's mock bytes ({@code /tts/mock}); always relayed as streamed chunks. */
        PASSTHROUGH
    }
}
