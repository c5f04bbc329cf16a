package dev.freeagent.vtuber.dialog.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /health} in the upstream shape (§5.1), plus {@code llm}: which responder answers.
 */
public final class HealthRoutes implements HttpService {
    private final String body;

    /**
     * Creates the routes; the answer is fixed for the life of the service.
     *
     * @param ttsProvider the TTS provider that speaks replies
     * @param asrProvider the speech recogniser, or null when voice input is off
     * @param asyncExt whether turns record outbox events ({@code ENABLE_ASYNC_EXT})
     * @param llm {@code "openai-compatible"} or {@code "scripted"}
     */
    public HealthRoutes(String ttsProvider, String asrProvider, boolean asyncExt, String llm) {
        ObjectNode health = Json.object();
        health.put("status", "ok");
        health.put("service", "dialog-engine");
        health.put("version", "0.1.0");
        health.put("async_ext", asyncExt);
        health.put("tts_provider", ttsProvider);
        health.put("asr_enabled", asrProvider != null);
        health.put("asr_provider", asrProvider);
        health.put("llm", llm);
        this.body = Json.write(health);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", (request, response) ->
                response.header(HeaderNames.CONTENT_TYPE, "application/json").send(body));
    }
}
