package dev.freeagent.vtuber.input.web;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /} (the service's description page, contract §3.4) and {@code GET /health}.
 *
 * @param redis the link whose state {@code /health} reports
 */
public record InputRoutes(RedisLink redis) implements HttpService {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Input Handler</title></head>
            <body>
            <h1>AIVtuber Input Handler</h1>
            <p>Receives the user's text, voice and images in chunks, stores each upload as a task and asks the
            dialog service to answer it.</p>
            <h2>WebSocket endpoint</h2>
            <p><code>/ws/input</code>: on connect the server sends <code>task_id_assigned</code>; send
            <code>data_chunk</code> metadata, binary chunks, then <code>upload_complete</code>.</p>
            <h2>Supported formats</h2>
            <ul>
            <li>text: UTF-8 bytes, or inline <code>text</code>/<code>content</code>/<code>prompt</code></li>
            <li>audio: WebM/Opus (also OGG, WAV, MP3, M4A by <code>mime_type</code>)</li>
            <li>image: JPEG, PNG, WebP, GIF</li>
            </ul>
            <h2>Dialog engine</h2>
            <p>Text, audio and image turns go to the dialog service (its chat, audio and vision paths) over gRPC.</p>
            <h2>Results</h2>
            <p>Published on the Redis channel <code>task_response:{task_id}</code> and kept for late readers
            under <code>task_result:{task_id}</code>.</p>
            </body>
            </html>
            """;

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::page)
                .get("/health", this::health);
    }

    private void page(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8").send(PAGE);
    }

    private void health(ServerRequest request, ServerResponse response) {
        ObjectNode health = Json.object();
        health.put("status", "ok");
        health.put("service", "input-handler");
        health.put("redis", redis.available() ? "connected" : "disconnected");
        response.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(health));
    }
}
