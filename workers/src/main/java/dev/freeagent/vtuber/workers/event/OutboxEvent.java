package dev.freeagent.vtuber.workers.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * One outbox event: its type (the entry's {@code type} field) and its JSON envelope (the {@code payload} field),
 * which always carries a {@code correlationId}.
 *
 * @param type the event type, e.g. {@code LtmWriteRequested}
 * @param correlationId the idempotency key, {@code <sessionId>#<turn>}
 * @param envelope the whole envelope
 */
public record OutboxEvent(String type, String correlationId, ObjectNode envelope) {
    /** The entry field holding the event type. */
    public static final String TYPE_FIELD = "type";
    /** The entry field holding the JSON envelope. */
    public static final String PAYLOAD_FIELD = "payload";

    /**
     * Reads an event from a stream entry's fields.
     *
     * @param fields the entry's fields
     * @return the event
     * @throws MalformedEventException when a field is missing or the payload is not a JSON object with a
     *                                 correlation id
     */
    public static OutboxEvent from(Map<String, String> fields) {
        String type = fields.get(TYPE_FIELD);
        String payload = fields.get(PAYLOAD_FIELD);
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("the entry has no type field");
        }
        if (payload == null) {
            throw new MalformedEventException("the " + type + " entry has no payload field");
        }
        JsonNode envelope;
        try {
            envelope = Json.parse(payload);
        } catch (Json.InvalidJsonException e) {
            throw new MalformedEventException("the payload of the " + type + " entry is not JSON");
        }
        if (!(envelope instanceof ObjectNode object)) {
            throw new MalformedEventException("the payload of the " + type + " entry is not a JSON object");
        }
        JsonNode correlationId = object.get("correlationId");
        if (correlationId == null || !correlationId.isTextual() || correlationId.textValue().isBlank()) {
            throw new MalformedEventException("the " + type + " event has no correlationId");
        }
        return new OutboxEvent(type, correlationId.textValue(), object);
    }

    /**
     * A text member of the envelope, following a path of nested objects.
     *
     * @param path member names, outermost first, e.g. {@code "payload", "text"}
     * @return the text; empty when absent or JSON null
     * @throws MalformedEventException when it, or an object on the way, has another type
     */
    public Optional<String> text(String... path) {
        return member(path).map(node -> {
            if (!node.isTextual()) {
                throw new MalformedEventException(where(path) + " is not a string");
            }
            return node.textValue();
        });
    }

    /**
     * A number member of the envelope that measures something, so it must be finite and not negative.
     *
     * @param path member names, outermost first
     * @return the number; empty when absent or JSON null
     * @throws MalformedEventException when it is not such a number
     */
    public Optional<Double> measure(String... path) {
        return member(path).map(node -> {
            if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
                throw new MalformedEventException(where(path) + " is not a number of zero or more");
            }
            return node.doubleValue();
        });
    }

    private Optional<JsonNode> member(String... path) {
        JsonNode node = envelope;
        for (int i = 0; i < path.length; i++) {
            if (!node.isObject()) {
                throw new MalformedEventException(where(Arrays.copyOf(path, i)) + " is not an object");
            }
            node = node.get(path[i]);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private String where(String... path) {
        return "in the " + type + " event, " + String.join(".", path);
    }
}
