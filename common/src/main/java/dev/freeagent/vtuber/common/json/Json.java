package dev.freeagent.vtuber.common.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON reading and writing with one configured, thread-safe mapper. Objects keep their insertion order,
 * so the key order of the contract's examples is what we emit.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * A new empty object.
     *
     * @return an object node
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses text.
     *
     * @param text JSON text
     * @return the tree
     * @throws InvalidJsonException when the text is not JSON
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("empty document", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses bytes (UTF-8).
     *
     * @param bytes JSON bytes
     * @return the tree
     * @throws InvalidJsonException when the bytes are not JSON
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidJsonException("empty document", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes compact JSON with non-ASCII characters as they are (UTF-8), like the original's
     * {@code ensure_ascii=False}.
     *
     * @param value a tree or any Jackson-serialisable value
     * @return the JSON text
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not serialisable as JSON", e);
        }
    }

    /**
     * The mapper, for conversions the methods above do not cover.
     *
     * @return the shared mapper; do not reconfigure it
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The text is not valid JSON.
     */
    public static final class InvalidJsonException extends RuntimeException {
        InvalidJsonException(String message, Throwable cause) {
            super("invalid JSON: " + message, cause);
        }
    }
}
