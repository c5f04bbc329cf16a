package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Settings of the contract's mock provider, from {@code dialog.tts.mock-chunk-count} (MOCK_TTS_CHUNK_COUNT) and
 * {@code dialog.tts.mock-chunk-delay-ms} (MOCK_TTS_CHUNK_DELAY_MS).
 *
 * @param chunkCount chunks per sentence
 * @param chunkDelay the wait before each chunk
 */
public record MockSettings(int chunkCount, Duration chunkDelay) {
    /** The contract's defaults: 50 chunks, 200 ms before each. */
    public static final MockSettings DEFAULTS = new MockSettings(50, Duration.ofMillis(200));

    /**
     * Validates; every message names the key.
     */
    public MockSettings {
        if (chunkCount < 0 || chunkCount > 100_000) {
            throw new IllegalArgumentException("dialog.tts.mock-chunk-count must be 0..100000, got " + chunkCount);
        }
        if (chunkDelay.isNegative() || chunkDelay.toMillis() > 60_000) {
            throw new IllegalArgumentException("dialog.tts.mock-chunk-delay-ms must be 0..60000, got "
                    + chunkDelay.toMillis());
        }
    }

    /**
     * Reads the settings.
     *
     * @param tts the {@code dialog.tts} node
     * @return settings
     */
    public static MockSettings from(Config tts) {
        return new MockSettings(tts.get("mock-chunk-count").asInt().orElse(DEFAULTS.chunkCount()),
                Duration.ofMillis(tts.get("mock-chunk-delay-ms").asLong().orElse(DEFAULTS.chunkDelay().toMillis())));
    }
}
