package dev.freeagent.vtuber.ltm.api;

import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.embedding.TextEmbedder;
import dev.freeagent.vtuber.ltm.memory.MemoryStore;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /health}: the service, the store, the embedding model and whether Redis (which only the legacy
 * flows need) answers. The original service had no health endpoint; this follows the other services' shape.
 */
public final class HealthRoutes implements HttpService {
    private final MemoryStore store;
    private final TextEmbedder embedder;
    private final BooleanSupplier redis;

    /**
     * Creates the routes.
     *
     * @param store the store
     * @param embedder the model
     * @param redis whether Redis answers now
     */
    public HealthRoutes(MemoryStore store, TextEmbedder embedder, BooleanSupplier redis) {
        this.store = store;
        this.embedder = embedder;
        this.redis = redis;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", (request, response) -> {
            boolean storeUp = store.ping();
            boolean modelUp = embedder.available();
            ObjectNode health = Json.object();
            health.put("status", storeUp && modelUp ? "ok" : "degraded");
            health.put("service", "ltm");
            health.put("store", store.description());
            health.put("store_status", storeUp ? "connected" : "disconnected");
            health.put("embedding_model", embedder.model());
            health.put("embedding_status", modelUp ? "ready" : "unavailable");
            health.put("redis", redis.getAsBoolean() ? "connected" : "disconnected");
            response.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(health));
        });
    }
}
