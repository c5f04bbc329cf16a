package dev.freeagent.vtuber.dialog.asr;

import dev.freeagent.vtuber.dialog.audio.PcmAudio;
import dev.freeagent.vtuber.dialog.turn.Cancellation;
import dev.freeagent.vtuber.dialog.turn.TurnCancelledException;

/**
 * Turns decoded speech into text. Implementations are thread-safe and serve many recordings at once.
 */
public interface AsrProvider extends AutoCloseable {
    /**
     * The provider's name, for stats and health ({@code pocketsphinx}, {@code openai}, {@code whisper},
     * {@code mock}).
     *
     * @return the name
     */
    String name();

    /**
     * Recognises one recording on the calling thread.
     *
     * @param audio mono 16-bit PCM from the {@code AudioDecoder}
     * @param lang the spoken language ({@code "en"}, {@code "zh-CN"}...); empty: the provider's default
     * @param cancellation aborts the recognition (the process is killed, the request abandoned)
     * @return the transcript, whose last partial is final
     * @throws AsrException when the language is not understood or recognition is unavailable, late or failed
     * @throws TurnCancelledException when cancelled
     */
    Transcript transcribe(PcmAudio audio, String lang, Cancellation cancellation);

    @Override
    default void close() {
    }
}
