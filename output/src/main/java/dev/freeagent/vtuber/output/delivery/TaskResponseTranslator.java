package dev.freeagent.vtuber.output.delivery;

import java.util.Locale;
import java.util.Optional;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Turns a {@code task_response} message into the frame the client receives (contract §4.2). Python's
 * {@code a or b} is kept: a falsy value (null, "", 0, false, empty list/object) takes the default.
 */
public final class TaskResponseTranslator {
    private TaskResponseTranslator() {
    }

    /**
     * Translates a message.
     *
     * @param taskId the socket's task id
     * @param message the published JSON object
     * @return the client frame and, for legacy producers, the audio file to send after it
     */
    public static Translation translate(String taskId, JsonNode message) {
        JsonNode status = message.path("status");
        boolean success = status.isMissingNode() || status.isNull()
                || "success".equals(status.asText().toLowerCase(Locale.ROOT));
        return success ? success(taskId, message) : error(taskId, message);
    }

    private static Translation error(String taskId, JsonNode message) {
        ObjectNode frame = Json.object();
        frame.put("status", "error");
        frame.put("task_id", taskId);
        frame.set("error", or(message.get("error"), "dialog_engine_failed"));
        frame.set("source", or(message.get("source"), "dialog-engine"));
        if (message.has("meta")) {
            frame.set("meta", message.get("meta"));
        }
        return new Translation(frame, Optional.empty(), false);
    }

    private static Translation success(String taskId, JsonNode message) {
        JsonNode text = message.get("text");
        ObjectNode frame = Json.object();
        frame.put("status", "success");
        frame.put("task_id", taskId);
        frame.set("content", text != null && text.isTextual() ? text : or(message.get("reply"), ""));
        frame.put("audio_present", truthy(message.get("audio_file")) || truthy(message.get("audio")));
        for (String key : new String[] {"transcript", "stats", "source", "input_mode", "partials"}) {
            frame.set(key, message.has(key) ? message.get(key) : NullNode.getInstance());
        }
        JsonNode audioFile = message.get("audio_file");
        Optional<String> file = audioFile != null && audioFile.isTextual() && !audioFile.asText().isEmpty()
                ? Optional.of(audioFile.asText()) : Optional.empty();
        return new Translation(frame, file, truthy(message.get("audio")));
    }

    private static JsonNode or(JsonNode value, String fallback) {
        return truthy(value) ? value : TextNode.valueOf(fallback);
    }

    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return !value.isEmpty();
    }

    /**
     * A translated message.
     *
     * @param frame the text frame for the client
     * @param audioFile a legacy {@code audio_file} path, untrusted
     * @param speechFollows whether the result announces speech that dialog streams ({@code "audio"} truthy)
     */
    public record Translation(ObjectNode frame, Optional<String> audioFile, boolean speechFollows) {
    }
}
