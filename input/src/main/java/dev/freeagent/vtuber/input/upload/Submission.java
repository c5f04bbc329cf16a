package dev.freeagent.vtuber.input.upload;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A finished upload: the last {@code data_chunk} metadata and the joined chunk bytes.
 *
 * @param metadata the last metadata object, as the client sent it
 * @param payload the chunks joined in ascending chunk id order
 */
public record Submission(ObjectNode metadata, byte[] payload) {

    /**
     * The upload type, trimmed and lower-cased; empty when missing.
     *
     * @return e.g. {@code "text"}
     */
    public String type() {
        JsonNode type = metadata.path("type");
        return type.isValueNode() && !type.isNull() ? type.asText().strip().toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The first non-blank of the named text fields, trimmed.
     *
     * @param fields field names in order of preference, e.g. {@code "text", "content", "prompt"}
     * @return the text, when one is non-blank
     */
    public Optional<String> firstText(String... fields) {
        for (String field : fields) {
            JsonNode value = metadata.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The declared MIME type: {@code mime_type}, else {@code content_type}, as sent.
     *
     * @return the MIME type, when declared
     */
    public Optional<String> mimeType() {
        return firstRaw("mime_type").or(() -> firstRaw("content_type"));
    }

    /**
     * The client's {@code meta} object.
     *
     * @return the object, or a missing node when the upload had none
     */
    public JsonNode meta() {
        JsonNode meta = metadata.path("meta");
        return meta.isObject() ? meta : MissingNode.getInstance();
    }

    /**
     * A non-blank text field, from the metadata itself or else from its {@code meta} object.
     *
     * @param field e.g. {@code "sessionId"}
     * @return the trimmed value
     */
    public Optional<String> identityField(String field) {
        for (JsonNode holder : new JsonNode[] {metadata, meta()}) {
            JsonNode value = holder.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The client's turn number, from the metadata or its {@code meta} object.
     *
     * @return the number, 0 when absent or not an integer
     */
    public int turn() {
        for (JsonNode holder : new JsonNode[] {metadata, meta()}) {
            JsonNode value = holder.path("turn");
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
        }
        return 0;
    }

    private Optional<String> firstRaw(String field) {
        JsonNode value = metadata.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
