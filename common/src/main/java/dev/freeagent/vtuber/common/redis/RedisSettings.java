package dev.freeagent.vtuber.common.redis;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Where Redis is and how long a command may take.
 *
 * @param host host name
 * @param port TCP port
 * @param database database index
 * @param commandTimeout bound on every command; longer than any blocking read we issue
 */
public record RedisSettings(String host, int port, int database, Duration commandTimeout) {

    /**
     * Validates the settings.
     */
    public RedisSettings {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("redis.port must be 1..65535, got " + port);
        }
    }

    /**
     * Reads the {@code redis} node.
     *
     * @param redis the node
     * @return settings
     */
    public static RedisSettings from(Config redis) {
        return new RedisSettings(redis.get("host").asString().orElse("localhost"),
                redis.get("port").asInt().orElse(6379),
                redis.get("database").asInt().orElse(0),
                Duration.ofMillis(redis.get("command-timeout-ms").asLong().orElse(2000L)));
    }

    /**
     * The same Redis at another address.
     *
     * @param host host
     * @param port port
     * @return settings
     */
    public RedisSettings at(String host, int port) {
        return new RedisSettings(host, port, database, commandTimeout);
    }

    /**
     * A short human-readable address.
     *
     * @return {@code host:port}
     */
    public String address() {
        return host + ":" + port;
    }
}
