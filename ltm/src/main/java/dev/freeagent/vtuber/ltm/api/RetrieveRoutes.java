package dev.freeagent.vtuber.ltm.api;

import java.lang.System.Logger.Level;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST /v1/memory/retrieve}, the endpoint the dialog engine's original client calls (contract §5.12):
 * {@code {"sessionId","query","meta","limit"}} in, {@code {"results":[{"content","score"}]}} out, best first.
 *
 * <p>The user is the body's {@code userId}, else {@code meta.userId}, else {@code meta.user_id}, else the
 * {@code sessionId} (the original client sends only the session). A missing {@code limit} means the configured
 * default. Bad input is a 400 with {@code {"detail":"<our sentence>"}}; a store or model that cannot answer is
 * a 503 in the same shape, anything else a 500.
 */
public final class RetrieveRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(RetrieveRoutes.class.getName());

    private final MemoryBank bank;

    /**
     * Creates the routes.
     *
     * @param bank the memory
     */
    public RetrieveRoutes(MemoryBank bank) {
        this.bank = bank;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/memory/retrieve", this::retrieve);
    }

    private void retrieve(ServerRequest request, ServerResponse response) {
        try {
            JsonNode body = body(request.content().as(byte[].class));
            List<ScoredMemory> found = bank.retrieve(user(body), query(body), limit(body));
            ObjectNode answer = Json.object();
            ArrayNode results = answer.putArray("results");
            found.forEach(memory -> results.addObject()
                    .put("content", memory.memory().content())
                    .put("score", memory.score()));
            send(response, Status.OK_200, answer);
        } catch (InvalidMemoryRequestException e) {
            send(response, Status.BAD_REQUEST_400, Json.object().put("detail", e.getMessage()));
        } catch (LtmException e) {
            LOG.log(Level.WARNING, "retrieve failed: " + e.getMessage(), e.getCause());
            send(response, Status.SERVICE_UNAVAILABLE_503, Json.object().put("detail", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "retrieve failed unexpectedly", e);
            send(response, Status.INTERNAL_SERVER_ERROR_500,
                    Json.object().put("detail", "The memory service failed unexpectedly."));
        }
    }

    private static JsonNode body(byte[] bytes) {
        JsonNode body;
        try {
            body = Json.parse(bytes);
        } catch (Json.InvalidJsonException e) {
            throw new InvalidMemoryRequestException("The body is not valid JSON.");
        }
        if (!body.isObject()) {
            throw new InvalidMemoryRequestException("The body must be a JSON object.");
        }
        return body;
    }

    private static String query(JsonNode body) {
        JsonNode query = body.path("query");
        if (!query.isTextual() || query.asText().isBlank()) {
            throw new InvalidMemoryRequestException("query is required and must be a non-empty string.");
        }
        return query.asText();
    }

    private static String user(JsonNode body) {
        JsonNode meta = body.path("meta");
        for (JsonNode candidate : List.of(body.path("userId"), meta.path("userId"), meta.path("user_id"),
                body.path("sessionId"))) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        throw new InvalidMemoryRequestException("userId, meta.userId, meta.user_id or sessionId is required.");
    }

    private static int limit(JsonNode body) {
        JsonNode limit = body.path("limit");
        if (limit.isMissingNode() || limit.isNull()) {
            return 0;
        }
        if (!limit.canConvertToInt() || !limit.isIntegralNumber() || limit.asInt() < 1) {
            throw new InvalidMemoryRequestException("limit must be a positive whole number.");
        }
        return limit.asInt();
    }

    private static void send(ServerResponse response, Status status, ObjectNode body) {
        response.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(body));
    }
}
