package dev.freeagent.vtuber.dialog.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Language-model settings, from {@code dialog.llm.*}. Secrets come only from the environment.
 *
 * @param enabled {@code enabled} (ENABLE_REAL_LLM); empty means "when a key or a base URL is set"
 * @param apiKey {@code api-key} (OPENAI_API_KEY), may be empty (local servers need none)
 * @param baseUrl {@code base-url} (OPENAI_BASE_URL), without trailing slash; empty means unset
 * @param organization {@code organization} (OPENAI_ORG_ID), may be empty
 * @param model {@code model} (LLM_MODEL)
 * @param temperature {@code temperature} (LLM_TEMPERATURE)
 * @param maxTokens {@code max-tokens} (LLM_MAX_TOKENS)
 * @param topP {@code top-p} (LLM_TOP_P)
 * @param frequencyPenalty {@code frequency-penalty} (LLM_FREQUENCY_PENALTY)
 * @param presencePenalty {@code presence-penalty} (LLM_PRESENCE_PENALTY)
 * @param requestTimeout {@code request-timeout-seconds} (LLM_REQUEST_TIMEOUT): longest wait for the response
 *                       headers and between two chunks
 * @param retryLimit {@code retry-limit} (LLM_RETRY_LIMIT): extra attempts
 * @param retryBackoff {@code retry-backoff-seconds} (LLM_RETRY_BACKOFF_SECONDS): wait before attempt n is n times this
 */
public record LlmSettings(Optional<Boolean> enabled, String apiKey, String baseUrl, String organization, String model,
                          double temperature, int maxTokens, double topP, double frequencyPenalty,
                          double presencePenalty, Duration requestTimeout, int retryLimit, Duration retryBackoff) {
    /** Where requests go when no base URL is set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * Normalises and validates; every message names the key.
     */
    public LlmSettings {
        apiKey = apiKey == null ? "" : apiKey.trim();
        organization = organization == null ? "" : organization.trim();
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.isEmpty()) {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("dialog.llm.base-url must be an http(s) URL, got " + baseUrl);
            }
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("dialog.llm.model must not be empty");
        }
        range("dialog.llm.temperature", temperature, 0, 2);
        range("dialog.llm.top-p", topP, 0, 1);
        range("dialog.llm.frequency-penalty", frequencyPenalty, -2, 2);
        range("dialog.llm.presence-penalty", presencePenalty, -2, 2);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("dialog.llm.max-tokens must be at least 1, got " + maxTokens);
        }
        if (retryLimit < 0 || retryLimit > 10) {
            throw new IllegalArgumentException("dialog.llm.retry-limit must be 0..10, got " + retryLimit);
        }
        if (requestTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("dialog.llm.request-timeout-seconds must be at least 0.1, got "
                    + requestTimeout.toMillis() / 1000.0);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("dialog.llm.retry-backoff-seconds must be at least 0, got "
                    + retryBackoff.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param llm the {@code dialog.llm} node
     * @return settings
     */
    public static LlmSettings from(Config llm) {
        return new LlmSettings(llm.get("enabled").asString().map(String::trim).filter(v -> !v.isEmpty())
                                       .map(v -> parseBoolean("dialog.llm.enabled", v)),
                llm.get("api-key").asString().orElse(""),
                llm.get("base-url").asString().orElse(""),
                llm.get("organization").asString().orElse(""),
                llm.get("model").asString().orElse("gpt-4o-mini"),
                llm.get("temperature").asDouble().orElse(0.7),
                llm.get("max-tokens").asInt().orElse(1024),
                llm.get("top-p").asDouble().orElse(1.0),
                llm.get("frequency-penalty").asDouble().orElse(0.0),
                llm.get("presence-penalty").asDouble().orElse(0.0),
                seconds(llm.get("request-timeout-seconds").asDouble().orElse(30.0)),
                llm.get("retry-limit").asInt().orElse(2),
                seconds(llm.get("retry-backoff-seconds").asDouble().orElse(0.5)));
    }

    /**
     * Whether replies come from the language model: not switched off, and a key or a base URL is set.
     *
     * @return true for the LLM, false for the scripted responder
     */
    public boolean configured() {
        return enabled.orElse(true) && (!apiKey.isEmpty() || !baseUrl.isEmpty());
    }

    /**
     * The chat completions endpoint.
     *
     * @return {@code {base-url}/chat/completions}
     */
    public URI endpoint() {
        return URI.create((baseUrl.isEmpty() ? DEFAULT_BASE_URL : baseUrl) + "/chat/completions");
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got " + value);
        };
    }

    private static void range(String key, double value, double min, double max) {
        if (value < min || value > max || Double.isNaN(value)) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
