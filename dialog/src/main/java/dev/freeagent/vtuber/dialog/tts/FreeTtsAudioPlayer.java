package dev.freeagent.vtuber.dialog.tts;

import javax.sound.sampled.AudioFormat;

import com.sun.speech.freetts.audio.AudioPlayer;

/**
 * The audio end of one FreeTTS voice: instead of playing, it turns what the voice writes (16-bit PCM, big-endian
 * for kevin16) into little-endian chunks for the sentence being spoken. Refusing a write makes FreeTTS abandon the
 * rest of the sentence, which is how cancellation reaches it. FreeTTS calls it on the voice's own output thread,
 * one sentence at a time.
 */
final class FreeTtsAudioPlayer implements AudioPlayer {
    private volatile AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
    private volatile Listener listener;

    /**
     * Sends what the voice writes next to a sentence's sink.
     *
     * @param sink the sentence's sink
     * @param chunkBytes the largest chunk
     * @param onWrite called on every write, e.g. to feed a timer
     */
    void attach(GuardedSink sink, int chunkBytes, Runnable onWrite) {
        listener = new Listener(sink, chunkBytes, onWrite);
    }

    /**
     * Refuses every write until the next {@link #attach}.
     */
    void detach() {
        listener = null;
    }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
        Listener current = listener;
        if (current == null) {
            return false;
        }
        current.onWrite().run();
        AudioFormat now = format;
        byte[] little = new byte[length];
        System.arraycopy(audio, offset, little, 0, length);
        if (now.isBigEndian()) {
            for (int i = 0; i + 1 < length; i += 2) {
                byte high = little[i];
                little[i] = little[i + 1];
                little[i + 1] = high;
            }
        }
        return current.chunker(new PcmFormat(Math.round(now.getSampleRate()), now.getChannels())).push(little, 0, length);
    }

    @Override
    public boolean write(byte[] audio) {
        return write(audio, 0, audio.length);
    }

    @Override
    public void setAudioFormat(AudioFormat format) {
        this.format = format;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    // Playback controls: there is no device, so they have nothing to do.

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void reset() {
    }

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void begin(int size) {
    }

    @Override
    public boolean end() {
        Listener current = listener;
        return current != null && current.sink().open();
    }

    @Override
    public void cancel() {
    }

    @Override
    public void close() {
    }

    @Override
    public float getVolume() {
        return 1.0f;
    }

    @Override
    public void setVolume(float volume) {
    }

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {
    }

    @Override
    public void startFirstSampleTimer() {
    }

    @Override
    public void showMetrics() {
    }

    /** Where one sentence's audio goes; the chunker follows the format FreeTTS announces. */
    private static final class Listener {
        private final GuardedSink sink;
        private final int chunkBytes;
        private final Runnable onWrite;
        private PcmChunker chunker;
        private PcmFormat chunkerFormat;

        Listener(GuardedSink sink, int chunkBytes, Runnable onWrite) {
            this.sink = sink;
            this.chunkBytes = chunkBytes;
            this.onWrite = onWrite;
        }

        GuardedSink sink() {
            return sink;
        }

        Runnable onWrite() {
            return onWrite;
        }

        PcmChunker chunker(PcmFormat format) {
            if (!format.equals(chunkerFormat)) {
                chunker = new PcmChunker(format, chunkBytes, sink);
                chunkerFormat = format;
            }
            return chunker;
        }
    }
}
