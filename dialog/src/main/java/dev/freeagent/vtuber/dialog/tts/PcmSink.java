package dev.freeagent.vtuber.dialog.tts;

/**
 * Receives synthesised audio in order.
 */
@FunctionalInterface
public interface PcmSink {
    /**
     * One piece of audio.
     *
     * @param chunk the audio; its bytes are not changed afterwards by the provider
     */
    void accept(PcmChunk chunk);
}
