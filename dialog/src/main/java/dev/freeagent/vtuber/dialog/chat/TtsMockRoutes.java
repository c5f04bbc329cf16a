package dev.freeagent.vtuber.dialog.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.speech.Voice;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /tts/mock} (contract §5.11): answers {@code {"ok": true, "sessionId": ...}} at once and streams the
 * contract's mock chunks of the text to the session's output socket in the background, so that the original
 * {@code e2e_stop_latency.py} runs unchanged.
 */
public final class TtsMockRoutes implements HttpService {
    private final Voice voice;

    /**
     * Creates the route.
     *
     * @param voice speaks to the sessions
     */
    public TtsMockRoutes(Voice voice) {
        this.voice = voice;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/tts/mock", this::speak);
    }

    private void speak(ServerRequest request, ServerResponse response) {
        if (!voice.enabled()) {
            send(response, Status.BAD_REQUEST_400, detail("SYNC_TTS_STREAMING disabled"));
            return;
        }
        JsonNode body;
        try {
            body = Json.parse(request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0]);
        } catch (Json.InvalidJsonException e) {
            send(response, Status.BAD_REQUEST_400, detail("invalid json"));
            return;
        }
        JsonNode session = body.path("sessionId");
        JsonNode text = body.path("text");
        if (!session.isTextual() || session.asText().isEmpty() || !text.isTextual()) {
            send(response, Status.BAD_REQUEST_400, detail("sessionId and text required"));
            return;
        }
        String sessionId = session.asText();
        voice.speakMock(sessionId, text.asText(), body.path("chunkCount").asInt(0), body.path("chunkDelayMs").asLong(0),
                TaskThreads.of(sessionId));
        send(response, Status.OK_200, Json.object().put("ok", true).put("sessionId", sessionId));
    }

    private static ObjectNode detail(String text) {
        return Json.object().put("detail", text);
    }

    private static void send(ServerResponse response, Status status, ObjectNode body) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(body));
    }
}
