package dev.freeagent.vtuber.dialog.tts;

import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * Turns one sentence into speech, streaming the audio as it is produced. Implementations are thread-safe, serve
 * many sentences at once, and know nothing of where the audio goes.
 */
public interface TtsProvider extends AutoCloseable {
    /**
     * The provider's name as configured ({@code espeak-ng}, {@code freetts}, {@code openai}, {@code mock},
     * {@code tone}).
     *
     * @return the name
     */
    String name();

    /**
     * Speaks one sentence on the calling thread. Every chunk reaches {@code sink} in order before this returns.
     * Cancelling stops the synthesis promptly (the process or request is aborted) and no chunk follows the
     * cancellation; the method then returns normally.
     *
     * @param sentence non-blank text
     * @param lang language hint ({@code "zh"}, {@code "en"}, ...); may be empty
     * @param cancellation stops the synthesis
     * @param sink receives the audio
     * @throws TtsException when the synthesis fails (with a sentence meant for logs and users)
     */
    void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink);

    @Override
    default void close() {
    }
}
