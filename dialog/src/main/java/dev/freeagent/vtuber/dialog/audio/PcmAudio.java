package dev.freeagent.vtuber.dialog.audio;

/**
 * Decoded audio: signed 16-bit little-endian PCM, channels interleaved. The array is not copied; nobody changes it
 * after construction.
 *
 * @param bytes the samples, a whole number of frames
 * @param sampleRate frames per second, e.g. 16000
 * @param channels 1 for mono
 */
public record PcmAudio(byte[] bytes, int sampleRate, int channels) {
    /**
     * Validates the layout.
     */
    public PcmAudio {
        if (sampleRate < 1 || channels < 1) {
            throw new IllegalArgumentException("sample rate and channels must be positive, got "
                    + sampleRate + " Hz and " + channels + " channels");
        }
        if (bytes.length % frameSize(channels) != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a whole number of "
                    + channels + "-channel 16-bit frames");
        }
    }

    /**
     * The number of frames (one sample per channel).
     *
     * @return frames
     */
    public long frames() {
        return bytes.length / frameSize(channels);
    }

    /**
     * How long the audio plays.
     *
     * @return seconds
     */
    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /**
     * Bytes per frame of 16-bit PCM.
     *
     * @param channels channel count
     * @return {@code 2 × channels}
     */
    static int frameSize(int channels) {
        return 2 * channels;
    }
}
