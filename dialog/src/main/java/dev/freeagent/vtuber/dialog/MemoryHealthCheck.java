package dev.freeagent.vtuber.dialog;

import dev.freeagent.vtuber.dialog.memory.ShortTermMemory;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness: the short-term memory database answers.
 *
 * @param memory the store to probe
 */
record MemoryHealthCheck(ShortTermMemory memory) implements HealthCheck {
    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(memory.ping()).build();
    }
}
