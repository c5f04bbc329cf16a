package dev.freeagent.vtuber.output.speech;

/**
 * One piece of speech. For {@link SpeechKind#REPLY} the bytes are signed 16-bit little-endian PCM; for
 * {@link SpeechKind#PASSTHROUGH} they are opaque.
 *
 * @param seq 0, 1, 2... over the stream; becomes the client's {@code chunk_id}
 * @param bytes the audio, not copied
 * @param sampleRate samples per second, 0 when not given
 * @param channels channels, 0 when not given
 */
public record PcmChunk(long seq, byte[] bytes, int sampleRate, int channels) {
    private static final int MAX_RATE = 384_000;
    private static final int MAX_CHANNELS = 8;

    /**
     * Whether the chunk names a PCM format we can put in a WAV header.
     *
     * @return true for 1..384000 Hz and 1..8 channels
     */
    boolean hasFormat() {
        return sampleRate > 0 && sampleRate <= MAX_RATE && channels > 0 && channels <= MAX_CHANNELS;
    }
}
