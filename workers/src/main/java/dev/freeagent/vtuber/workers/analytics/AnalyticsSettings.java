package dev.freeagent.vtuber.workers.analytics;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Where and how the shared aggregates live in Redis, from {@code workers.analytics.*}.
 *
 * @param keyPrefix {@code key-prefix}: every key the aggregates use starts with it and a colon
 * @param doneTtl {@code done-ttl-seconds}: how long an applied event is remembered, so a repeated delivery
 *                within that time changes nothing
 * @param window {@code window}: how many recent values per metric are kept for percentiles
 */
public record AnalyticsSettings(String keyPrefix, Duration doneTtl, int window) {
    /**
     * Validates; every message names the key.
     */
    public AnalyticsSettings {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalArgumentException("workers.analytics.key-prefix must not be empty");
        }
        if (doneTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("workers.analytics.done-ttl-seconds must be at least 1");
        }
        if (window < 1) {
            throw new IllegalArgumentException("workers.analytics.window must be at least 1, got " + window);
        }
    }

    /**
     * Reads the settings.
     *
     * @param analytics the {@code workers.analytics} node
     * @return the settings
     */
    public static AnalyticsSettings from(Config analytics) {
        return new AnalyticsSettings(analytics.get("key-prefix").asString().orElse("analytics"),
                Duration.ofSeconds(analytics.get("done-ttl-seconds").asLong().orElse(86_400L)),
                analytics.get("window").asInt().orElse(1000));
    }
}
