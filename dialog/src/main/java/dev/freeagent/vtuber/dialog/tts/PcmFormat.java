package dev.freeagent.vtuber.dialog.tts;

/**
 * The layout of signed 16-bit little-endian PCM.
 *
 * @param sampleRate samples per second, e.g. 22050 (espeak-ng) or 16000 (FreeTTS)
 * @param channels 1 for mono
 */
public record PcmFormat(int sampleRate, int channels) {
    /** The format of bytes that are not audio (the contract's mock chunks such as {@code benchmar-0}). */
    public static final PcmFormat OPAQUE = new PcmFormat(0, 0);

    /**
     * Mono at the given rate.
     *
     * @param sampleRate samples per second
     * @return the format
     */
    public static PcmFormat mono(int sampleRate) {
        return new PcmFormat(sampleRate, 1);
    }
}
