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
     * @param ttsProvider the configured TTS provider name
     * @param llm {@code "openai-compatible"} or {@code "scripted"}
     */
    public HealthRoutes(String ttsProvider, String llm) {
        ObjectNode health = Json.object();
        health.put("status", "ok");
        health.put("service", "dialog-engine");
        health.put("version", "0.1.0");
        health.put("async_ext", false);
        health.put("tts_provider", ttsProvider);
        // voice input arrives with the ASR issue; until then it is honestly off
        health.put("asr_enabled", false);
        health.putNull("asr_provider");
        health.put("llm", llm);
        this.body = Json.write(health);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", (request, response) ->
                response.header(HeaderNames.CONTENT_TYPE, "application/json").send(body));
    }
}
