package dev.freeagent.vtuber.dialog.audio;

import java.util.Objects;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * A recording could not be turned into PCM. The {@link Kind} says why, so each edge maps it in one switch; the
 * message is a sentence for the user.
 */
public final class AudioException extends DialogException {
    /**
     * Why the recording was not decoded (with the contract's HTTP answer for each).
     */
    public enum Kind {
        /** Nothing was sent, or it holds no sound (400 {@code audio required}). */
        AUDIO_REQUIRED,
        /** More bytes than {@code dialog.asr.max-bytes} (413 {@code audio payload too large}). */
        PAYLOAD_TOO_LARGE,
        /** Plays longer than {@code dialog.asr.max-duration-seconds} (413 {@code audio payload too large}). */
        AUDIO_TOO_LONG,
        /** Not audio in any format the decoder reads (400 {@code unsupported audio}). */
        UNSUPPORTED_AUDIO,
        /** The decoder is missing or broke (503). */
        UNAVAILABLE,
        /** Decoding took longer than {@code dialog.asr.decode-timeout-seconds} (503). */
        TIMED_OUT
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why
     * @param sentence a sentence for the user
     * @param cause the technical cause, may be null
     */
    public AudioException(Kind kind, String sentence, Throwable cause) {
        super(sentence, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    /**
     * Why the recording was not decoded.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
