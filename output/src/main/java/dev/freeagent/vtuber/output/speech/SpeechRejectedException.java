package dev.freeagent.vtuber.output.speech;

/**
 * A speech stream this instance will not relay.
 */
public final class SpeechRejectedException extends RuntimeException {
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why
     * @param message a sentence for dialog
     */
    public SpeechRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why the stream was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The causes of a refusal.
     */
    public enum Reason {
        /** Streaming is switched off ({@code SYNC_TTS_STREAMING=false}). */
        STREAMING_DISABLED,
        /** No client socket for the session is open on this instance. */
        NO_CLIENT_SOCKET,
        /** The stream broke the protocol (no open first, no session id, a chunk without a PCM format...). */
        INVALID
    }
}
