package dev.freeagent.vtuber.dialog.asr;

import java.net.URI;

import io.helidon.config.Config;

/**
 * Settings of the OpenAI-compatible transcription client, from {@code dialog.asr.openai}. Secrets come only from
 * the environment.
 *
 * @param baseUrl {@code base-url} (ASR_OPENAI_BASE_URL), without trailing slash; empty means OpenAI itself
 * @param apiKey {@code api-key} (ASR_OPENAI_API_KEY), may be empty (local servers need none)
 * @param model {@code model} (ASR_MODEL), e.g. {@code whisper-1}
 */
public record OpenAiAsrSettings(String baseUrl, String apiKey, String model) {
    /** Where requests go when no base URL is set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * Normalises and validates; every message names the key.
     */
    public OpenAiAsrSettings {
        apiKey = apiKey == null ? "" : apiKey.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.isEmpty()) {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("dialog.asr.openai.base-url must be an http(s) URL, got "
                        + baseUrl);
            }
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("dialog.asr.openai.model must not be empty");
        }
        model = model.trim();
    }

    /**
     * Reads the settings.
     *
     * @param openai the {@code dialog.asr.openai} node
     * @return settings
     */
    public static OpenAiAsrSettings from(Config openai) {
        return new OpenAiAsrSettings(openai.get("base-url").asString().orElse(""),
                openai.get("api-key").asString().orElse(""),
                openai.get("model").asString().orElse("whisper-1"));
    }

    /**
     * The transcription endpoint.
     *
     * @return {@code {base-url}/audio/transcriptions}
     */
    public URI endpoint() {
        return URI.create((baseUrl.isEmpty() ? DEFAULT_BASE_URL : baseUrl) + "/audio/transcriptions");
    }
}
