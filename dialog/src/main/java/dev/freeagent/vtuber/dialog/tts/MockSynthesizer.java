package dev.freeagent.vtuber.dialog.tts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import dev.freeagent.vtuber.dialog.turn.Cancellation;

/**
 * The contract's mock provider (§5.9): {@code chunk-count} chunks, each after a wait of {@code chunk-delay}, each
 * holding the first 8 bytes of the UTF-8 text ({@code FAKE} when the text is empty), a dash and the chunk's index
 * ({@code benchmark-stream} → {@code benchmar-0}, {@code benchmar-1}, ...), as {@link PcmFormat#OPAQUE}. The
 * stop flag is checked before each chunk, and the wait ends at once on cancellation. Thread-safe.
 */
public final class MockSynthesizer implements TtsProvider {
    private static final byte[] EMPTY_TEXT = "FAKE".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX_BYTES = 8;

    private final MockSettings settings;

    /**
     * Creates the provider.
     *
     * @param settings chunk count and delay
     */
    public MockSynthesizer(MockSettings settings) {
        this.settings = settings;
    }

    /**
     * The same provider with a request's overrides ({@code POST /tts/mock}'s {@code chunkCount} and
     * {@code chunkDelayMs}); a value of 0 or less keeps the configured one, as in the contract.
     *
     * @param chunkCount chunks per text, or ≤ 0
     * @param chunkDelayMs milliseconds before each chunk, or ≤ 0
     * @return a provider with those values
     */
    public MockSynthesizer withOverrides(int chunkCount, long chunkDelayMs) {
        return new MockSynthesizer(new MockSettings(chunkCount > 0 ? chunkCount : settings.chunkCount(),
                chunkDelayMs > 0 ? Duration.ofMillis(chunkDelayMs) : settings.chunkDelay()));
    }

    @Override
    public String name() {
        return "mock";
    }

    /**
     * Emits the chunks. Unlike the other providers it accepts an empty text ({@code /tts/mock} allows one).
     */
    @Override
    public void speak(String sentence, String lang, Cancellation cancellation, PcmSink sink) {
        byte[] text = sentence.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = text.length == 0 ? EMPTY_TEXT : Arrays.copyOf(text, Math.min(PREFIX_BYTES, text.length));
        for (int index = 0; index < settings.chunkCount(); index++) {
            if (cancellation.await(settings.chunkDelay())) {
                return;
            }
            sink.accept(new PcmChunk(PcmFormat.OPAQUE, chunk(prefix, index)));
        }
    }

    private static byte[] chunk(byte[] prefix, int index) {
        byte[] suffix = ("-" + index).getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, bytes, prefix.length, suffix.length);
        return bytes;
    }
}
