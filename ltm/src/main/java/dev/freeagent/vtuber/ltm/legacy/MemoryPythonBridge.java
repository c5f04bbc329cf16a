package dev.freeagent.vtuber.ltm.legacy;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.ScriptOutputType;

/**
 * The memory-python service's message store (contract §10): user inputs from {@code user_input_queue} and
 * character replies from {@code ai_responses} are kept, newest first, in {@code memory:user_sessions:<user>}
 * (trimmed, expiring) and {@code memory:global_context} (trimmed), and announced on {@code memory_updates},
 * where this service's own ingestion remembers the user's facts. The lists and the announcement are written by one
 * Lua script, so a message is stored whole or not at all and a failed store can be retried (Redis down: up to
 * {@code write-attempts}; then the message is dropped with a warning). Announcements carry {@code meta.session_id}
 * (the task id) so both readers of the channel find the session. Message ids are {@code <user>_<epoch ms>}, made
 * unique within the process. Text inputs may name a file only under {@code input-file-root}. Thread-safe.
 */
final class MemoryPythonBridge {
    private static final System.Logger LOG = System.getLogger(MemoryPythonBridge.class.getName());
    private static final String AUDIO_NOTE = "ASR handled upstream by input-handler via asr_results";
    /** KEYS: user list, global list. ARGV: message, user limit, TTL s, global on (1/0), global limit, channel, update. */
    private static final String STORE = """
            redis.call('LPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
            if ARGV[4] == '1' then
              redis.call('LPUSH', KEYS[2], ARGV[1])
              redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
            end
            return redis.call('PUBLISH', ARGV[6], ARGV[7])""";

    private final RedisLink link;
    private final RedisRetry retry;
    private final BridgeSettings settings;
    private final String updatesChannel;
    private final Clock clock;
    private final AtomicLong lastMillis = new AtomicLong();

    MemoryPythonBridge(RedisLink link, RedisRetry retry, BridgeSettings settings, String updatesChannel, Clock clock) {
        this.link = link;
        this.retry = retry;
        this.settings = settings;
        this.updatesChannel = updatesChannel;
        this.clock = clock;
    }

    /**
     * Stores one {@code user_input_queue} item.
     *
     * @param raw {@code {"task_id","type":"text|audio","user_id"?,"content"?,"input_file"?,"source"?,"meta"?}}
     */
    void onInput(String raw) {
        Optional<JsonNode> parsed = parse(raw, settings.inputQueue());
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode item = parsed.get();
        String user = orDefault(text(item, "user_id"), "anonymous");
        String taskId = text(item, "task_id");
        String inputFile = text(item, "input_file");
        switch (text(item, "type")) {
            case "text" -> {
                String content = text(item, "content").strip();
                if (content.isEmpty()) {
                    content = readInputFile(inputFile).orElse("");
                }
                if (content.isEmpty()) {
                    LOG.log(Level.INFO, "A text input of task " + taskId + " has no content; it is skipped.");
                    return;
                }
                ObjectNode metadata = Json.object();
                metadata.put("task_id", taskId);
                metadata.put("input_file", inputFile);
                metadata.put("source", orDefault(text(item, "source"), "user"));
                metadata.set("trace_id", item.path("meta").path("trace_id").isMissingNode() ? null
                        : item.path("meta").get("trace_id"));
                metadata.set("lang", item.path("meta").path("lang").isMissingNode() ? null : item.path("meta").get("lang"));
                store(user, "text", content, orDefault(text(item, "source"), "user"), true, metadata, taskId);
            }
            case "audio" -> {
                ObjectNode metadata = Json.object();
                metadata.put("task_id", taskId);
                metadata.put("input_file", inputFile);
                metadata.put("audio_file", inputFile);
                metadata.put("asr_processed", false);
                metadata.put("note", AUDIO_NOTE);
                store(user, "audio_metadata", "[Audio file: " + inputFile + "]", "user", false, metadata, taskId);
            }
            default -> LOG.log(Level.WARNING, "A " + settings.inputQueue() + " item of unknown type '"
                    + text(item, "type") + "' is skipped.");
        }
    }

    /**
     * Stores one {@code ai_responses} message.
     *
     * @param raw {@code {"user_id","text","original_message_id","audio_file"?}}
     */
    void onAiResponse(String raw) {
        Optional<JsonNode> parsed = parse(raw, settings.aiResponsesChannel());
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode message = parsed.get();
        String text = text(message, "text").strip();
        if (text.isEmpty()) {
            return;
        }
        String audio = text(message, "audio_file");
        ObjectNode metadata = Json.object();
        metadata.put("original_message_id", text(message, "original_message_id"));
        if (!audio.isEmpty()) {
            metadata.put("audio_file", audio);
        }
        store(orDefault(text(message, "user_id"), "anonymous"), audio.isEmpty() ? "text" : "audio", text, "ai", false,
                metadata, "");
    }

    private void store(String user, String type, String content, String source, boolean requireAiResponse,
                       ObjectNode metadata, String taskId) {
        String messageId = user + "_" + uniqueMillis();
        String timestamp = LocalDateTime.now(clock).toString();
        ObjectNode message = Json.object();
        message.put("message_id", messageId);
        message.put("user_id", user);
        message.put("type", type);
        message.put("content", content);
        message.put("source", source);
        message.put("timestamp", timestamp);
        message.put("require_ai_response", requireAiResponse);
        message.set("metadata", metadata);
        String json = Json.write(message);
        String[] keys = {settings.sessionsPrefix() + user, settings.globalKey()};
        String[] args = {json, Integer.toString(settings.userListLimit()), Long.toString(settings.userListTtl().toSeconds()),
            settings.globalContext() ? "1" : "0", Integer.toString(settings.globalListLimit()), updatesChannel,
            Json.write(update(message, taskId))};
        try {
            retry.call(() -> link.commands().<Long>eval(STORE, ScriptOutputType.INTEGER, keys, args));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A message of " + user + " could not be stored (" + e.getMessage() + "); it is dropped.");
        }
    }

    private static ObjectNode update(ObjectNode message, String taskId) {
        ObjectNode update = Json.object();
        update.put("event_type", "memory_update");
        update.set("user_id", message.get("user_id"));
        update.set("message_id", message.get("message_id"));
        update.set("source", message.get("source"));
        update.set("content", message.get("content"));
        update.set("require_ai_response", message.get("require_ai_response"));
        update.set("timestamp", message.get("timestamp"));
        update.put("task_id", taskId.isEmpty() ? null : taskId);
        update.putObject("meta").put("session_id", taskId.isEmpty() ? null : taskId);
        return update;
    }

    /** Epoch milliseconds, strictly increasing within the process, so two messages never share an id. */
    private long uniqueMillis() {
        long now = clock.millis();
        return lastMillis.updateAndGet(last -> Math.max(last + 1, now));
    }

    private Optional<String> readInputFile(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path root = settings.inputFileRoot().toAbsolutePath().normalize();
        Path file = Path.of(name).toAbsolutePath().normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.size(file) > settings.maxInputFileBytes()) {
                LOG.log(Level.WARNING, "The input file " + file + " is not a file under " + root + " of at most "
                        + settings.maxInputFileBytes() + " bytes; it is not read.");
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The input file " + file + " could not be read.", e);
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> parse(String raw, String where) {
        try {
            JsonNode node = Json.parse(raw);
            if (node.isObject()) {
                return Optional.of(node);
            }
        } catch (Json.InvalidJsonException e) {
            // reported below
        }
        LOG.log(Level.WARNING, "An item of " + where + " is not a JSON object; it is skipped.");
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static String orDefault(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }
}
