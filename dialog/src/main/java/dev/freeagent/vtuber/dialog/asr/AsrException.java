package dev.freeagent.vtuber.dialog.asr;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import dev.freeagent.vtuber.dialog.DialogException;

/**
 * Speech recognition failed. The {@link Kind} says why, so each edge maps it in one switch; the message is a
 * sentence for the user.
 */
public final class AsrException extends DialogException {
    /**
     * Why there is no transcript (with the HTTP answer the edges give).
     */
    public enum Kind {
        /** Voice input is switched off ({@code dialog.asr.enabled=false}; 503 {@code audio input disabled}). */
        DISABLED,
        /** The configured recogniser does not understand the requested language (400). */
        UNSUPPORTED_LANGUAGE,
        /** The recogniser is not installed, not configured, cannot be reached or refused the request (503). */
        UNAVAILABLE,
        /** The recogniser took longer than {@code dialog.asr.timeout-seconds} (503). */
        TIMED_OUT,
        /** The recogniser ran but failed or answered nonsense (502 {@code asr_failed}). */
        FAILED,
        /** The recogniser ran but heard no words (502 {@code empty transcript}). */
        NOTHING_HEARD
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind why
     * @param sentence a sentence for the user
     * @param cause the technical cause, may be null
     */
    public AsrException(Kind kind, String sentence, Throwable cause) {
        super(sentence, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    /**
     * A recognition that ran out of time.
     *
     * @param what the recogniser, as the subject of the sentence
     * @param timeout the limit that passed
     * @return the exception
     */
    static AsrException timedOut(String what, Duration timeout) {
        BigDecimal seconds = BigDecimal.valueOf(timeout.toMillis()).movePointLeft(3).stripTrailingZeros();
        return new AsrException(Kind.TIMED_OUT, what + " took longer than " + seconds.toPlainString()
                + (seconds.compareTo(BigDecimal.ONE) == 0 ? " second." : " seconds."), null);
    }

    /**
     * Why there is no transcript.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
