package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * A deterministic stand-in voice for tests and benchmarks: a sine tone at 16 kHz mono whose length follows the
 * sentence ({@code ms-per-char} per character), in 40 ms chunks, at once or, with {@code real-time}, one chunk
 * per 40 ms. The same sentence always gives the same bytes. Thread-safe.
 */
public final class ToneSynthesizer implements TtsProvider {
    /** The tone's layout. */
    public static final PcmFormat FORMAT = PcmFormat.mono(16_000);
    private static final Duration CHUNK = Duration.ofMillis(40);
    private static final int SAMPLES_PER_CHUNK = 640;
    private static final double AMPLITUDE = 0.3 * Short.MAX_VALUE;

    private final ToneSettings settings;

    /**
     * Creates the provider.
     *
     * @param settings length per character, pitch, pacing
     */
    public ToneSynthesizer(ToneSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "tone";
    }

    @Override
    public void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink) {
        String text = sentence.strip();
        long samples = text.codePointCount(0, text.length()) * settings.perCharacter().toMillis()
                * FORMAT.sampleRate() / 1000;
        for (long first = 0; first < samples; first += SAMPLES_PER_CHUNK) {
            if (cancellation.isCancelled() || first > 0 && settings.realTime() && cancellation.await(CHUNK)) {
                return;
            }
            sink.accept(new PcmChunk(FORMAT, tone(first, (int) Math.min(SAMPLES_PER_CHUNK, samples - first))));
        }
    }

    private byte[] tone(long first, int count) {
        byte[] bytes = new byte[count * 2];
        double step = 2 * Math.PI * settings.frequencyHz() / FORMAT.sampleRate();
        for (int i = 0; i < count; i++) {
            short sample = (short) Math.round(AMPLITUDE * Math.sin(step * (first + i)));
            bytes[2 * i] = (byte) sample;
            bytes[2 * i + 1] = (byte) (sample >> 8);
        }
        return bytes;
    }
}
