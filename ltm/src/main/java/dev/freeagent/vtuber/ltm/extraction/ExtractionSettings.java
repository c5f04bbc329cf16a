package dev.freeagent.vtuber.ltm.extraction;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Fact-extraction settings, from {@code ltm.extraction.*}. Secrets come only from the environment.
 *
 * @param enabled {@code enabled}: empty means "when a key or a base URL is set"
 * @param baseUrl {@code base-url} of an OpenAI-compatible chat API, without trailing slash; empty means unset
 * @param apiKey {@code api-key}, may be empty (local servers need none)
 * @param model {@code model}
 * @param timeout {@code timeout-seconds}: bound on the whole call; past it the rule decides
 * @param limits {@code min-chars}, {@code max-chars}, {@code max-facts}
 */
public record ExtractionSettings(Optional<Boolean> enabled, String baseUrl, String apiKey, String model,
                                 Duration timeout, FactLimits limits) {
    /** Where requests go when only a key is set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * Normalises and validates; every message names the key.
     */
    public ExtractionSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        apiKey = apiKey == null ? "" : apiKey.trim();
        if (!baseUrl.isEmpty()) {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("ltm.extraction.base-url must be an http(s) URL, got " + baseUrl);
            }
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("ltm.extraction.model must not be empty");
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("ltm.extraction.timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
    }

    /**
     * Reads the settings.
     *
     * @param extraction the {@code ltm.extraction} node
     * @return settings
     */
    public static ExtractionSettings from(Config extraction) {
        return new ExtractionSettings(
                extraction.get("enabled").asString().map(String::trim).filter(v -> !v.isEmpty())
                        .map(ExtractionSettings::parseBoolean),
                extraction.get("base-url").asString().orElse(""),
                extraction.get("api-key").asString().orElse(""),
                extraction.get("model").asString().orElse("gpt-4o-mini"),
                Duration.ofMillis(Math.round(extraction.get("timeout-seconds").asDouble().orElse(15.0) * 1000)),
                new FactLimits(extraction.get("min-chars").asInt().orElse(10),
                        extraction.get("max-chars").asInt().orElse(300),
                        extraction.get("max-facts").asInt().orElse(10)));
    }

    /**
     * Whether a language model extracts the facts: not switched off, and a key or a base URL is set.
     *
     * @return true for the model, false for the first-person rule alone
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

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("ltm.extraction.enabled must be true or false, got " + value);
        };
    }
}
