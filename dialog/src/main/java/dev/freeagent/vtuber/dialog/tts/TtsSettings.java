package dev.freeagent.vtuber.dialog.tts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.helidon.config.Config;

/**
 * Speech synthesis settings, from {@code dialog.tts.*}.
 *
 * @param provider {@code provider} (SYNC_TTS_PROVIDER), trimmed and lower-cased; one of {@link #PROVIDERS}
 * @param chunkBytes {@code chunk-bytes}: the largest PCM chunk handed on (espeak-ng, FreeTTS, OpenAI)
 * @param espeak {@code espeak.*}
 * @param freeTts {@code freetts.*}
 * @param openAi {@code openai.*}
 * @param mock {@code mock-chunk-count}, {@code mock-chunk-delay-ms}
 * @param tone {@code tone.*}
 */
public record TtsSettings(String provider, int chunkBytes, EspeakSettings espeak, FreeTtsSettings freeTts,
                          OpenAiSpeechSettings openAi, MockSettings mock, ToneSettings tone) {
    /** The provider used when none is configured. */
    public static final String DEFAULT_PROVIDER = "espeak-ng";
    /** Every accepted provider name; {@code edge-tts} is accepted and replaced by the local voice. */
    public static final List<String> PROVIDERS = List.of("espeak-ng", "espeak", "freetts", "openai", "mock", "tone",
            "edge-tts");

    /**
     * Normalises and validates; every message names the key.
     */
    public TtsSettings {
        provider = provider == null || provider.isBlank() ? DEFAULT_PROVIDER : provider.strip().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("dialog.tts.provider (SYNC_TTS_PROVIDER) must be one of "
                    + String.join(", ", PROVIDERS) + "; got '" + provider + "'");
        }
        if (chunkBytes < 256 || chunkBytes > 1 << 20 || chunkBytes % 2 != 0) {
            throw new IllegalArgumentException("dialog.tts.chunk-bytes must be an even number in 256..1048576, got "
                    + chunkBytes);
        }
    }

    /**
     * Reads the settings.
     *
     * @param tts the {@code dialog.tts} node
     * @return settings
     */
    public static TtsSettings from(Config tts) {
        return new TtsSettings(tts.get("provider").asString().orElse(DEFAULT_PROVIDER),
                tts.get("chunk-bytes").asInt().orElse(4096),
                EspeakSettings.from(tts.get("espeak")),
                FreeTtsSettings.from(tts.get("freetts")),
                OpenAiSpeechSettings.from(tts.get("openai")),
                MockSettings.from(tts),
                ToneSettings.from(tts.get("tone")));
    }

    /**
     * The defaults with another provider, for tests and tools.
     *
     * @param provider a provider name
     * @return settings
     */
    public static TtsSettings defaults(String provider) {
        return new TtsSettings(provider, 4096, EspeakSettings.DEFAULTS, FreeTtsSettings.DEFAULTS,
                OpenAiSpeechSettings.DEFAULTS, MockSettings.DEFAULTS, ToneSettings.DEFAULTS);
    }

    static Duration seconds(Config node, Duration fallback) {
        return node.asDouble().map(s -> Duration.ofNanos(Math.round(s * 1_000_000_000L))).orElse(fallback);
    }
}
