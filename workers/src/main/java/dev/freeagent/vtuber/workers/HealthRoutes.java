package dev.freeagent.vtuber.workers;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.workers.stream.ConsumerStatus;
import dev.freeagent.vtuber.workers.stream.StreamConsumer;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /health}: {@code {"status":"ok","service":"workers","redis":"connected"|"disconnected",
 * "consumers":[{"name","stream","group","consumer","state","last_delivered_id","processed","duplicates",
 * "skipped","failed","dead_lettered","last_error"}]}}; ids and errors are null until there is one.
 */
final class HealthRoutes implements HttpService {
    private final RedisLink redis;
    private final List<StreamConsumer> consumers;

    HealthRoutes(RedisLink redis, List<StreamConsumer> consumers) {
        this.redis = redis;
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health);
    }

    private void health(ServerRequest request, ServerResponse response) {
        ObjectNode health = Json.object();
        health.put("status", "ok");
        health.put("service", "workers");
        health.put("redis", redis.available() ? "connected" : "disconnected");
        ArrayNode list = health.putArray("consumers");
        consumers.forEach(consumer -> consumer(list.addObject(), consumer.status()));
        response.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(health));
    }

    private static void consumer(ObjectNode node, ConsumerStatus status) {
        node.put("name", status.name());
        node.put("stream", status.stream());
        node.put("group", status.group());
        node.put("consumer", status.consumer());
        node.put("state", status.state().name().toLowerCase(Locale.ROOT));
        node.put("last_delivered_id", status.lastDeliveredId().orElse(null));
        node.put("processed", status.processed());
        node.put("duplicates", status.duplicates());
        node.put("skipped", status.skipped());
        node.put("failed", status.failed());
        node.put("dead_lettered", status.deadLettered());
        node.put("last_error", status.lastError().orElse(null));
    }
}
