package dev.freeagent.vtuber.ltm.legacy;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.ltm.LtmException;
import dev.freeagent.vtuber.ltm.memory.MemoryBank;
import dev.freeagent.vtuber.ltm.memory.WriteCommand;

/**
 * Ingests one {@code memory_updates} message: a user's message becomes a write (facts extracted from it,
 * idempotent by {@code message_id}). Both message shapes are read: memory-python's (ISO {@code timestamp},
 * {@code task_id}) and the documented one ({@code meta.session_id}). Messages without {@code user_id} or
 * {@code content} are ignored, as are the character's own messages ({@code source} {@code ai}/{@code assistant}):
 * they are not facts about the user, which the original indexed anyway. Stateless.
 */
final class MemoryUpdates {
    private static final System.Logger LOG = System.getLogger(MemoryUpdates.class.getName());
    private static final Set<String> CHARACTER_SOURCES = Set.of("ai", "assistant", "character");
    private static final String CORRELATION = "memory_updates:";

    private final MemoryBank bank;

    MemoryUpdates(MemoryBank bank) {
        this.bank = bank;
    }

    void accept(String raw) {
        JsonNode message;
        try {
            message = Json.parse(raw);
        } catch (Json.InvalidJsonException e) {
            LOG.log(Level.WARNING, "A memory_updates message is not JSON; it is ignored.");
            return;
        }
        String user = text(message, "user_id");
        String content = text(message, "content");
        String source = text(message, "source");
        if (user.isBlank() || content.isBlank() || CHARACTER_SOURCES.contains(source.toLowerCase(Locale.ROOT))) {
            return;
        }
        JsonNode meta = message.path("meta");
        String session = meta.isObject() ? text(meta, "session_id") : text(message, "task_id");
        String messageId = text(message, "message_id");
        try {
            bank.write(WriteCommand.turn(user, messageId.isBlank() ? "" : CORRELATION + messageId, session, content, "",
                    source.isBlank() ? "conversation" : source));
        } catch (LtmException e) {
            LOG.log(Level.WARNING, "A memory_updates message could not be remembered: " + e.getMessage(), e.getCause());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
