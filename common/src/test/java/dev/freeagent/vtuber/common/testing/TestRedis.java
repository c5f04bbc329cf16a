package dev.freeagent.vtuber.common.testing;

import dev.freeagent.vtuber.common.redis.RedisSettings;

import java.time.Duration;

/**
 * The Redis tests use: the machine's (REDIS_HOST/REDIS_PORT, default 127.0.0.1:6379). Tests keep to keys
 * of their own (random task ids), so they need no flush and leave nothing behind but expiring keys.
 */
public final class TestRedis {
    private TestRedis() {
    }

    /**
     * The machine's Redis.
     *
     * @return settings
     */
    public static RedisSettings machine() {
        String host = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
        return new RedisSettings(host, port, 0, Duration.ofSeconds(2));
    }
}
