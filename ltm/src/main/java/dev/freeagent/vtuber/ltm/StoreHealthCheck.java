package dev.freeagent.vtuber.ltm;

import dev.freeagent.vtuber.ltm.memory.MemoryStore;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness: the memory store answers.
 *
 * @param store the store to probe
 */
record StoreHealthCheck(MemoryStore store) implements HealthCheck {
    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "memory-store";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(store.ping()).detail("store", store.description()).build();
    }
}
