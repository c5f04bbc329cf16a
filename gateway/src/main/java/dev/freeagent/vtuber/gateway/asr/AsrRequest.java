package dev.freeagent.vtuber.gateway.asr;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * A {@code POST /api/asr} request as contract §2.3 reads it: {@code sessionId} (default a new UUID), {@code audio}
 * (base64) or {@code path}, {@code contentType} (else from the path's suffix, else {@code audio/wav}), {@code lang}
 * or {@code options.lang}, {@code meta}.
 *
 * @param sessionId the conversation
 * @param userId the user ({@code userId} or {@code meta.userId}), or empty
 * @param audio the audio bytes
 * @param contentType the audio's MIME type
 * @param lang the language hint, or empty
 * @param meta the client's meta object (may be empty)
 */
record AsrRequest(String sessionId, String userId, byte[] audio, String contentType, String lang, ObjectNode meta) {
    private static final Map<String, String> SUFFIXES = Map.of(".webm", "audio/webm", ".mp3", "audio/mpeg",
            ".wav", "audio/wav", ".m4a", "audio/mp4", ".ogg", "audio/ogg");

    static AsrRequest parse(byte[] body, AudioFolder folder) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (Json.InvalidJsonException e) {
            throw new AsrFailedException(400, "invalid_json", "");
        }
        if (!json.isObject()) {
            throw new AsrFailedException(400, "invalid_json", "");
        }
        JsonNode audio = json.path("audio");
        JsonNode path = json.path("path");
        if (!audio.isTextual() && !path.isTextual()) {
            throw new AsrFailedException(400, "audio_or_path_required", "");
        }
        byte[] bytes = audio.isTextual() ? decode(audio.asText()) : folder.read(path.asText());
        String contentType = text(json, "contentType")
                .orElseGet(() -> path.isTextual() && !audio.isTextual() ? bySuffix(path.asText()) : "audio/wav");
        String lang = text(json, "lang").or(() -> text(json.path("options"), "lang")).orElse("");
        ObjectNode meta = json.path("meta").isObject() ? (ObjectNode) json.path("meta") : Json.object();
        String user = text(json, "userId").or(() -> text(meta, "userId")).orElse("");
        String session = text(json, "sessionId").orElse(UUID.randomUUID().toString());
        return new AsrRequest(session, user, bytes, contentType, lang, meta);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new AsrFailedException(400, "invalid_audio_encoding", "The audio is not valid base64.");
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    private static String bySuffix(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? "audio/wav" : SUFFIXES.getOrDefault(lower.substring(dot), "audio/wav");
    }
}
