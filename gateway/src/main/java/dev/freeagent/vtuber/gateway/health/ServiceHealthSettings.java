package dev.freeagent.vtuber.gateway.health;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * {@code GET /health/services} settings, from {@code gateway.service-health.*}.
 *
 * @param timeout {@code timeout-seconds}: the longest wait for one service's readiness; a slower one counts as down
 * @param cacheFor {@code cache-seconds}: how long an answer is reused; zero asks the services on every request
 */
public record ServiceHealthSettings(Duration timeout, Duration cacheFor) {
    /**
     * Validates the settings.
     */
    public ServiceHealthSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "gateway.service-health.timeout-seconds must be positive, got " + timeout);
        }
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException(
                    "gateway.service-health.cache-seconds must not be negative, got " + cacheFor);
        }
    }

    /**
     * Reads the settings.
     *
     * @param own the {@code gateway.service-health} node
     * @return settings
     * @throws IllegalArgumentException when a value is out of range
     */
    public static ServiceHealthSettings from(Config own) {
        return new ServiceHealthSettings(seconds(own.get("timeout-seconds"), 1.0),
                seconds(own.get("cache-seconds"), 2.0));
    }

    private static Duration seconds(Config key, double fallback) {
        return Duration.ofMillis(Math.round(key.asDouble().orElse(fallback) * 1000));
    }
}
