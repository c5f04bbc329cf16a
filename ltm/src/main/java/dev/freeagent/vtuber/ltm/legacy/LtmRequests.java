package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.memory.InvalidMemoryRequestException;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.ScoredMemory;
import dev.freeagent.vtuber.ltm.memory.WriteCommand;
import dev.freeagent.vtuber.ltm.profile.Profiles;

/**
 * Answers one {@code ltm_requests} item in the original service's runtime schema (contract §8.2): the response
 * is {@code {"request_id","user_id","success":true, …}} with {@code memories} (search, add),
 * {@code user_profile} (profile_get, profile_update) or, on failure, {@code "success":false,"error":"…"}; an
 * unknown type answers {@code unknown_request_type:<type>}. Unlike the original, search honours its limit and
 * returns flat results, {@code add} stores the content as given (near-duplicates dropped, idempotent by
 * {@code request_id}), and profiles are real. Stateless.
 */
final class LtmRequests {
    private static final System.Logger LOG = System.getLogger(LtmRequests.class.getName());
    private static final String CORRELATION = "ltm_requests:";

    private final MemoryBank bank;
    private final Profiles profiles;

    LtmRequests(MemoryBank bank, Profiles profiles) {
        this.bank = bank;
        this.profiles = profiles;
    }

    /**
     * The response to a request.
     *
     * @param raw the list item
     * @return the response JSON, or empty when the item is not a JSON object (there is nobody to answer)
     */
    Optional<String> answer(String raw) {
        JsonNode request;
        try {
            request = Json.parse(raw);
        } catch (Json.InvalidJsonException e) {
            LOG.log(Level.WARNING, "An ltm_requests item is not JSON; it is skipped without a response.");
            return Optional.empty();
        }
        if (!request.isObject()) {
            LOG.log(Level.WARNING, "An ltm_requests item is not a JSON object; it is skipped without a response.");
            return Optional.empty();
        }
        ObjectNode response = Json.object();
        response.set("request_id", request.path("request_id").isMissingNode() ? null : request.get("request_id"));
        response.set("user_id", request.path("user_id").isMissingNode() ? null : request.get("user_id"));
        response.put("success", true);
        try {
            handle(request, response);
        } catch (InvalidMemoryRequestException e) {
            fail(response, e.getMessage());
        } catch (LtmException e) {
            LOG.log(Level.WARNING, "An ltm_requests item failed: " + e.getMessage(), e.getCause());
            fail(response, e.getMessage());
        }
        return Optional.of(Json.write(response));
    }

    private void handle(JsonNode request, ObjectNode response) {
        String type = request.path("type").asText("");
        String user = request.path("user_id").isTextual() ? request.path("user_id").asText() : "";
        JsonNode data = request.path("data");
        switch (type) {
            case "search" -> search(user, data, response.putArray("memories"));
            case "add" -> add(user, request.path("request_id").asText(""), data, response.putArray("memories"));
            case "profile_get" -> response.set("user_profile", profiles.get(user));
            case "profile_update" -> response.set("user_profile", profiles.update(user, updates(data)));
            default -> fail(response, "unknown_request_type:" + type);
        }
    }

    private void search(String user, JsonNode data, ArrayNode memories) {
        int limit = data.path("limit").canConvertToInt() ? data.path("limit").asInt() : 0;
        List<ScoredMemory> found = bank.retrieve(user, data.path("query").asText(""), limit);
        for (ScoredMemory item : found) {
            ObjectNode memory = memories.addObject();
            memory.put("id", item.memory().id());
            memory.put("memory", item.memory().content());
            memory.put("score", item.score());
            ObjectNode metadata = memory.putObject("metadata");
            metadata.put("source", item.memory().source());
            metadata.put("session_id", item.memory().sessionId());
            memory.put("created_at", item.memory().createdAt().toString());
            memory.put("user_id", user);
        }
    }

    private void add(String user, String requestId, JsonNode data, ArrayNode memories) {
        JsonNode metadata = data.path("metadata");
        String source = metadata.path("source").isTextual() ? metadata.path("source").asText() : "legacy";
        String session = metadata.path("session_id").isTextual() ? metadata.path("session_id").asText() : "";
        String correlation = requestId.isBlank() ? "" : CORRELATION + requestId;
        bank.write(WriteCommand.facts(user, correlation, session, List.of(data.path("content").asText("")), source))
                .stored().forEach(memory -> memories.addObject().put("id", memory.id()).put("content", memory.content()));
    }

    private static ObjectNode updates(JsonNode data) {
        JsonNode updates = data.path("updates");
        if (updates.isMissingNode() || updates.isNull()) {
            return Json.object();
        }
        if (!updates.isObject()) {
            throw new InvalidMemoryRequestException("data.updates must be a JSON object.");
        }
        return (ObjectNode) updates;
    }

    private static void fail(ObjectNode response, String error) {
        response.remove(List.of("memories", "user_profile"));
        response.put("success", false);
        response.put("error", error);
    }
}
