package dev.freeagent.vtuber.dialog.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a recogniser heard.
 *
 * @param text the whole transcript, trimmed; may be empty when nothing was understood
 * @param partials the pieces as recognised, in order; never empty, and the last one is always final
 * @param provider the recogniser that reported itself ({@code pocketsphinx}, {@code openai}, {@code whisper});
 *                 empty for the contract's mock, whose result carries none
 * @param durationSeconds the duration of the recognised audio; empty for the mock
 */
public record Transcript(String text, List<Partial> partials, Optional<String> provider,
                         OptionalDouble durationSeconds) {
    /**
     * Validates: the last partial must be final (use {@link #of} to get one appended).
     */
    public Transcript {
        partials = List.copyOf(partials);
        if (partials.isEmpty() || !partials.getLast().isFinal()) {
            throw new IllegalArgumentException("a transcript ends with a final partial");
        }
    }

    /**
     * A transcript whose partials end with a final one holding the whole text, appended unless the last partial
     * already is final (contract §5.8).
     *
     * @param text the whole transcript
     * @param partials the pieces as recognised, possibly none
     * @param provider the recogniser's name, or empty
     * @param durationSeconds the audio's duration, or empty
     * @return the transcript
     */
    public static Transcript of(String text, List<Partial> partials, Optional<String> provider,
                                OptionalDouble durationSeconds) {
        String trimmed = text.strip();
        List<Partial> all = new ArrayList<>(partials);
        if (all.isEmpty() || !all.getLast().isFinal()) {
            all.add(Partial.finalText(trimmed));
        }
        return new Transcript(trimmed, all, provider, durationSeconds);
    }

    /**
     * One recognised piece (an utterance or a segment), sent to streaming clients as {@code asr-partial} or, when
     * final, {@code asr-final}.
     *
     * @param text the piece's text
     * @param isFinal whether it is the final result
     * @param confidence 0..1 when the recogniser reports one
     */
    public record Partial(String text, boolean isFinal, OptionalDouble confidence) {
        /**
         * A non-final piece without confidence.
         *
         * @param text the piece's text
         * @return the partial
         */
        public static Partial interim(String text) {
            return new Partial(text, false, OptionalDouble.empty());
        }

        /**
         * A final piece without confidence.
         *
         * @param text the whole text
         * @return the partial
         */
        public static Partial finalText(String text) {
            return new Partial(text, true, OptionalDouble.empty());
        }
    }
}
