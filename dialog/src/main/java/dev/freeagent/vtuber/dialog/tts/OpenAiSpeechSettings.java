package dev.freeagent.vtuber.dialog.tts;

import java.net.URI;
import java.time.Duration;

import io.helidon.config.Config;

/**
 * Settings of the OpenAI-compatible speech client, from {@code dialog.tts.openai.*}. Secrets come only from the
 * environment.
 *
 * @param baseUrl {@code base-url}, without trailing slash; empty means {@value #DEFAULT_BASE_URL}
 * @param apiKey {@code api-key}, sent as a Bearer token when not empty
 * @param model {@code model}, e.g. {@code tts-1} or {@code gpt-4o-mini-tts}
 * @param voice {@code voice}, e.g. {@code alloy}
 * @param sampleRate {@code sample-rate}: the rate of the server's raw {@code pcm} answer (OpenAI: 24000)
 * @param connectTimeout {@code connect-timeout-seconds}: the longest wait for a connection
 * @param timeout {@code timeout-seconds}: the longest wait for the response headers and between two pieces of audio
 */
public record OpenAiSpeechSettings(String baseUrl, String apiKey, String model, String voice, int sampleRate,
                                   Duration connectTimeout, Duration timeout) {
    /** Where requests go when no base URL is set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The defaults of {@code dialog.yaml}. */
    public static final OpenAiSpeechSettings DEFAULTS = new OpenAiSpeechSettings("", "", "tts-1", "alloy", 24_000,
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    /**
     * Normalises and validates; every message names the key.
     */
    public OpenAiSpeechSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.isEmpty()) {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("dialog.tts.openai.base-url must be an http(s) URL, got " + baseUrl);
            }
        }
        if (model == null || model.isBlank() || voice == null || voice.isBlank()) {
            throw new IllegalArgumentException("dialog.tts.openai.model and dialog.tts.openai.voice must not be empty");
        }
        if (sampleRate < 8_000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("dialog.tts.openai.sample-rate must be 8000..192000, got " + sampleRate);
        }
        if (connectTimeout.toMillis() < 100 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.tts.openai.connect-timeout-seconds and timeout-seconds must be "
                    + "at least 0.1");
        }
    }

    /**
     * Reads the settings.
     *
     * @param openai the {@code dialog.tts.openai} node
     * @return settings
     */
    public static OpenAiSpeechSettings from(Config openai) {
        return new OpenAiSpeechSettings(openai.get("base-url").asString().orElse(""),
                openai.get("api-key").asString().orElse(""),
                openai.get("model").asString().orElse(DEFAULTS.model()),
                openai.get("voice").asString().orElse(DEFAULTS.voice()),
                openai.get("sample-rate").asInt().orElse(DEFAULTS.sampleRate()),
                TtsSettings.seconds(openai.get("connect-timeout-seconds"), DEFAULTS.connectTimeout()),
                TtsSettings.seconds(openai.get("timeout-seconds"), DEFAULTS.timeout()));
    }

    /**
     * The speech endpoint.
     *
     * @return {@code {base-url}/audio/speech}
     */
    public URI endpoint() {
        return URI.create((baseUrl.isEmpty() ? DEFAULT_BASE_URL : baseUrl) + "/audio/speech");
    }
}
