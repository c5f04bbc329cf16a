package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.DialogException;
import dev.freeagent.vtuber.dialog.turn.InvalidTurnException;

import io.helidon.webserver.http.ServerRequest;

/**
 * The JSON body of a chat route, with the fields every route reads the same way: {@code sessionId} (default
 * {@code "default"}; a caller that names none shares no memory with anyone, since the original's default session
 * only labelled logs), {@code userId}, the top-level {@code turn} and the string values of {@code meta}.
 *
 * @param json the body, an object
 */
record JsonRequest(JsonNode json) {
    /** Room in a body for everything but its base64 payload (session, meta, prompt...). */
    private static final long OTHER_FIELDS_BYTES = 64 * 1024;

    /**
     * Reads a body that carries one base64 payload, refusing it once it is longer than such a payload can be.
     *
     * @param request the request
     * @param maxPayloadBytes the largest decoded payload accepted
     * @param tooLarge the failure when the body is longer
     * @return the body's bytes
     */
    static byte[] read(ServerRequest request, long maxPayloadBytes, Supplier<DialogException> tooLarge) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        long limit = (maxPayloadBytes + 2) / 3 * 4 + OTHER_FIELDS_BYTES;
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge.get();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away while sending its request", e);
        }
    }

    /**
     * Parses a body.
     *
     * @param body the bytes
     * @return the request
     * @throws InvalidTurnException {@code invalid json} when the body is not a JSON object
     */
    static JsonRequest parse(byte[] body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (Json.InvalidJsonException e) {
            throw new InvalidTurnException("invalid json");
        }
        if (!json.isObject()) {
            throw new InvalidTurnException("invalid json");
        }
        return new JsonRequest(json);
    }

    /**
     * The session the caller named.
     *
     * @return its id, or {@code "default"}
     */
    String sessionId() {
        return named() ? json.path("sessionId").asText() : "default";
    }

    /**
     * The conversation whose memory the turn extends.
     *
     * @return the named session, or a new id for a caller that named none
     */
    String conversationId() {
        return named() ? sessionId() : UUID.randomUUID().toString();
    }

    private boolean named() {
        JsonNode session = json.path("sessionId");
        return session.isValueNode() && !session.asText().isBlank();
    }

    /**
     * The user the caller named.
     *
     * @return the id, or empty (anonymous)
     */
    String userId() {
        return text("userId");
    }

    /**
     * The top-level {@code turn}.
     *
     * @return the number, or 0
     */
    int turn() {
        JsonNode turn = json.path("turn");
        return turn.canConvertToInt() ? turn.asInt() : 0;
    }

    /**
     * A field that should be a string.
     *
     * @param field its name
     * @return its value, or empty when missing or not a string
     */
    String text(String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    /**
     * The string values of {@code meta}.
     *
     * @return name to value, in the body's order
     */
    Map<String, String> meta() {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode meta = json.path("meta");
        if (meta.isObject()) {
            meta.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    values.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        return values;
    }

    /**
     * A base64 payload, decoded strictly: the standard alphabet only (no whitespace, no URL-safe letters) and
     * complete padding, as the original's {@code b64decode(validate=True)}.
     *
     * @param field its name
     * @param required the detail when it is missing, not a string or blank (e.g. {@code audio required})
     * @param invalid the detail when it is not strict base64 (e.g. {@code invalid audio encoding})
     * @return the bytes
     * @throws InvalidTurnException with one of the two details
     */
    byte[] base64(String field, String required, String invalid) {
        String encoded = text(field);
        if (encoded.isBlank()) {
            throw new InvalidTurnException(required);
        }
        if (encoded.length() % 4 != 0) {
            throw new InvalidTurnException(invalid);
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidTurnException(invalid);
        }
    }
}
