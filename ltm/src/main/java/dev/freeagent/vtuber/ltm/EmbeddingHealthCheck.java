package dev.freeagent.vtuber.ltm;

import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness: the embedding model is loaded (in process) or its last call succeeded (remote).
 *
 * @param embedder the model to probe
 */
record EmbeddingHealthCheck(TextEmbedder embedder) implements HealthCheck {
    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "embedding-model";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.builder().status(embedder.available()).detail("model", embedder.model()).build();
    }
}
