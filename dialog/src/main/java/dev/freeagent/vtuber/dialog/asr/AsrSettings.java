package dev.freeagent.vtuber.dialog.asr;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.freeagent.vtuber.dialog.audio.DecoderSettings;

import io.helidon.config.Config;

/**
 * Voice input settings, from the {@code dialog.asr} node.
 *
 * @param enabled {@code enabled} (ASR_ENABLED): false refuses voice input (503 {@code audio input disabled})
 * @param provider {@code provider} (ASR_PROVIDER), lower case: pocketsphinx, openai, whisper, faster-whisper, mock,
 *                 fake
 * @param defaultLang {@code default-lang} (ASR_DEFAULT_LANG): used when a request names no language; may be empty
 * @param timeout {@code timeout-seconds}: the longest one recognition may take
 * @param decoder the decoding limits and format (same node)
 * @param pocketsphinx {@code pocketsphinx.*}
 * @param openai {@code openai.*}
 */
public record AsrSettings(boolean enabled, String provider, String defaultLang, Duration timeout,
                          DecoderSettings decoder, PocketsphinxSettings pocketsphinx, OpenAiAsrSettings openai) {
    /** The names {@code provider} may take. */
    public static final List<String> PROVIDERS =
            List.of("pocketsphinx", "openai", "whisper", "faster-whisper", "mock", "fake");

    /**
     * Normalises and validates; every message names the key.
     */
    public AsrSettings {
        provider = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
        defaultLang = defaultLang == null ? "" : defaultLang.trim();
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("dialog.asr.provider must be one of " + String.join(", ", PROVIDERS)
                    + ", got " + provider);
        }
        if (provider.equals("pocketsphinx") && decoder.sampleRate() != 16_000) {
            throw new IllegalArgumentException("dialog.asr.target-sample-rate must be 16000 for pocketsphinx "
                    + "(its English model is trained at 16 kHz), got " + decoder.sampleRate());
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.asr.timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param asr the {@code dialog.asr} node
     * @return settings
     */
    public static AsrSettings from(Config asr) {
        return new AsrSettings(asr.get("enabled").asBoolean().orElse(true),
                asr.get("provider").asString().map(String::trim).filter(s -> !s.isEmpty()).orElse("pocketsphinx"),
                asr.get("default-lang").asString().orElse(""),
                Duration.ofMillis(Math.round(asr.get("timeout-seconds").asDouble().orElse(120.0) * 1000)),
                DecoderSettings.from(asr),
                PocketsphinxSettings.from(asr.get("pocketsphinx")),
                OpenAiAsrSettings.from(asr.get("openai")));
    }
}
