package dev.freeagent.vtuber.ltm.embedding;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.helidon.config.Config;

/**
 * Embedding settings, from {@code ltm.embedding.*}. Secrets come only from the environment.
 *
 * @param provider {@code provider}: {@code local} (all-MiniLM-L6-v2 in process) or {@code openai} (an
 *                 OpenAI-compatible {@code /embeddings} endpoint)
 * @param baseUrl {@code base-url}, without trailing slash; empty means {@value #DEFAULT_BASE_URL}
 * @param apiKey {@code api-key}, may be empty (local servers need none)
 * @param model {@code model}: the remote model name
 * @param dimensions {@code dimensions}: asked of the remote model when above 0 (models that can shorten vectors)
 * @param timeout {@code timeout-seconds}: bound on one remote call
 * @param maxBatch {@code max-batch}: texts per remote call
 * @param threads {@code local-threads}: platform threads running the local model at once
 */
public record EmbeddingSettings(Provider provider, String baseUrl, String apiKey, String model, int dimensions,
                                Duration timeout, int maxBatch, int threads) {
    /** Where remote calls go when no base URL is set. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /** Which model makes the vectors. */
    public enum Provider {
        /** all-MiniLM-L6-v2 (quantized), in process, offline. */
        LOCAL,
        /** An OpenAI-compatible {@code /embeddings} endpoint. */
        OPENAI
    }

    /**
     * Normalises and validates; every message names the key.
     */
    public EmbeddingSettings {
        baseUrl = baseUrl == null ? "" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        apiKey = apiKey == null ? "" : apiKey.trim();
        if (!baseUrl.isEmpty()) {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("ltm.embedding.base-url must be an http(s) URL, got " + baseUrl);
            }
        }
        if (provider == Provider.OPENAI && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("ltm.embedding.model must not be empty for the openai provider");
        }
        if (dimensions < 0) {
            throw new IllegalArgumentException("ltm.embedding.dimensions must be 0 (model default) or more, got "
                    + dimensions);
        }
        if (timeout.toMillis() < 100) {
            throw new IllegalArgumentException("ltm.embedding.timeout-seconds must be at least 0.1, got "
                    + timeout.toMillis() / 1000.0);
        }
        if (maxBatch < 1 || maxBatch > 2048) {
            throw new IllegalArgumentException("ltm.embedding.max-batch must be 1..2048, got " + maxBatch);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("ltm.embedding.local-threads must be 1..64, got " + threads);
        }
    }

    /**
     * Reads the settings.
     *
     * @param embedding the {@code ltm.embedding} node
     * @return settings
     */
    public static EmbeddingSettings from(Config embedding) {
        String provider = embedding.get("provider").asString().orElse("local").trim().toLowerCase(Locale.ROOT);
        return new EmbeddingSettings(switch (provider) {
            case "local" -> Provider.LOCAL;
            case "openai" -> Provider.OPENAI;
            default -> throw new IllegalArgumentException("ltm.embedding.provider must be local or openai, got "
                    + provider);
        },
                embedding.get("base-url").asString().orElse(""),
                embedding.get("api-key").asString().orElse(""),
                embedding.get("model").asString().orElse("text-embedding-3-small"),
                embedding.get("dimensions").asInt().orElse(0),
                Duration.ofMillis(Math.round(embedding.get("timeout-seconds").asDouble().orElse(10.0) * 1000)),
                embedding.get("max-batch").asInt().orElse(64),
                embedding.get("local-threads").asInt().orElse(2));
    }

    /**
     * The remote endpoint.
     *
     * @return {@code {base-url}/embeddings}
     */
    public URI endpoint() {
        return URI.create((baseUrl.isEmpty() ? DEFAULT_BASE_URL : baseUrl) + "/embeddings");
    }
}
