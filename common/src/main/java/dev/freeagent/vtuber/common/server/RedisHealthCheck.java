package dev.freeagent.vtuber.common.server;

import dev.freeagent.vtuber.common.redis.RedisLink;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness: Redis answers a PING.
 *
 * @param redis the link to probe
 */
public record RedisHealthCheck(RedisLink redis) implements HealthCheck {
    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder()
                .status(redis.available())
                .detail("address", redis.settings().address())
                .build();
    }
}
