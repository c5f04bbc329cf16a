package dev.freeagent.vtuber.output.web;

import java.util.function.BooleanSupplier;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.output.OutputSettings;
import dev.freeagent.vtuber.output.delivery.TaskRegistry;
import dev.freeagent.vtuber.output.delivery.TaskStatus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The HTTP routes of contract §4.4: {@code /status/{task_id}}, {@code /health} and {@code /}.
 */
public final class OutputHttpService implements HttpService {
    private static final Header HTML = HeaderValues.create(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");

    private final TaskRegistry registry;
    private final RedisLink redis;
    private final OutputSettings settings;
    private final BooleanSupplier ingestConnected;

    /**
     * Creates the routes.
     *
     * @param registry sockets by task id
     * @param redis the Redis link (for health)
     * @param settings the service settings (flags shown by health)
     * @param ingestConnected whether a speech stream from dialog is open
     */
    public OutputHttpService(TaskRegistry registry, RedisLink redis, OutputSettings settings,
                             BooleanSupplier ingestConnected) {
        this.registry = registry;
        this.redis = redis;
        this.settings = settings;
        this.ingestConnected = ingestConnected;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/status/{task_id}", this::status)
                .get("/health", this::health)
                .get("/", this::home);
    }

    private void status(ServerRequest req, ServerResponse res) {
        String taskId = req.path().pathParameters().get("task_id");
        ObjectNode body = Json.object();
        body.put("task_id", taskId);
        body.put("status", registry.status(taskId).map(TaskStatus::wireName).orElse("not_found"));
        body.put("connected", registry.status(taskId).isPresent());
        json(res, body);
    }

    private void health(ServerRequest req, ServerResponse res) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("redis", redis.available() ? "connected" : "disconnected");
        body.put("active_connections", registry.size());
        body.put("streaming_enabled", settings.streaming());
        body.put("barge_in_enabled", settings.bargeIn());
        body.put("ingest_connected", ingestConnected.getAsBoolean());
        json(res, body);
    }

    private void home(ServerRequest req, ServerResponse res) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh"><head><meta charset="utf-8"><title>Output Handler</title></head>
                <body><h1>Output Handler</h1>
                <p>WebSocket: /ws/output/{task_id}</p>
                <p>活跃连接数: %d</p>
                </body></html>
                """.formatted(registry.size());
        res.header(HTML).send(html);
    }

    private static void json(ServerResponse res, ObjectNode body) {
        res.header(HeaderValues.CONTENT_TYPE_JSON).send(Json.write(body));
    }
}
