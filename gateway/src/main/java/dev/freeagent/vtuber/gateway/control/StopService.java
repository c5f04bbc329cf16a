package dev.freeagent.vtuber.gateway.control;

import java.util.Map;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /control/stop}: validates the body as the original did (a JSON object of strings with a
 * {@code sessionId}) and answers output's outcome with flat {@code {"detail": ...}} bodies, without the
 * original's nested detail (contract §14 item 20).
 *
 * @param output the STOP client
 */
public record StopService(OutputStopClient output) implements HttpService {
    private static final Map<StopResult.Outcome, Status> STATUSES = Map.of(
            StopResult.Outcome.STOPPED, Status.OK_200,
            StopResult.Outcome.NOTHING_PLAYING, Status.NOT_FOUND_404,
            StopResult.Outcome.BARGE_IN_DISABLED, Status.CONFLICT_409,
            StopResult.Outcome.INVALID_REQUEST, Status.BAD_REQUEST_400,
            StopResult.Outcome.UNAVAILABLE, Status.BAD_GATEWAY_502,
            StopResult.Outcome.FAILED, Status.BAD_GATEWAY_502);

    @Override
    public void routing(HttpRules rules) {
        rules.post("/stop", this::stop);
    }

    private void stop(ServerRequest req, ServerResponse res) {
        String text = req.content().hasEntity() ? req.content().as(String.class) : "";
        JsonNode body;
        try {
            body = Json.parse(text);
        } catch (Json.InvalidJsonException e) {
            body = null;
        }
        if (!isDictionaryOfStrings(body)) {
            send(res, Status.UNPROCESSABLE_CONTENT_422, notADictionary());
            return;
        }
        String sessionId = body.path("sessionId").asText("");
        if (sessionId.isBlank()) {
            send(res, Status.BAD_REQUEST_400, detail("sessionId required"));
            return;
        }
        StopResult result = output.stop(sessionId);
        send(res, STATUSES.get(result.outcome()), body(result));
    }

    private static ObjectNode body(StopResult result) {
        return switch (result.outcome()) {
            case STOPPED -> Json.object().put("ok", true);
            case BARGE_IN_DISABLED -> detail("SYNC_TTS_BARGE_IN disabled");
            case UNAVAILABLE, FAILED -> detail("proxy error: " + result.detail());
            case NOTHING_PLAYING, INVALID_REQUEST -> detail(result.detail());
        };
    }

    private static boolean isDictionaryOfStrings(JsonNode body) {
        if (body == null || !body.isObject()) {
            return false;
        }
        for (JsonNode value : body) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** FastAPI's 422 for a body that is not a {@code Dict[str, str]}. */
    private static ObjectNode notADictionary() {
        ObjectNode error = Json.object();
        error.put("type", "dict_type");
        error.putArray("loc").add("body");
        error.put("msg", "Input should be a valid dictionary of strings");
        ObjectNode body = Json.object();
        ArrayNode errors = body.putArray("detail");
        errors.add(error);
        return body;
    }

    private static ObjectNode detail(String text) {
        return Json.object().put("detail", text);
    }

    private static void send(ServerResponse res, Status status, ObjectNode body) {
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(body));
    }
}
