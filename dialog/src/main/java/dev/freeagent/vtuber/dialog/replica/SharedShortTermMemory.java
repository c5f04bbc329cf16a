package dev.freeagent.vtuber.dialog.replica;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.dialog.memory.ConversationKey;
import dev.freeagent.vtuber.dialog.memory.MemoryTurn;
import dev.freeagent.vtuber.dialog.memory.ShortTermMemory;
import dev.freeagent.vtuber.dialog.memory.TurnEvents;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.ScriptOutputType;

/**
 * Short-term memory that follows a conversation from one dialog replica to another: each replica stores its turns
 * and their events in its own SQLite file (one transaction, the outbox's guarantee), and also keeps the newest
 * messages of each conversation in a Redis list that every replica reads. A turn served by any replica therefore
 * sees the turns the others served. When the list is missing (expired, or Redis was down) the replica's own file
 * answers. Thread-safe; closes the store it wraps.
 */
public final class SharedShortTermMemory implements ShortTermMemory {
    private static final System.Logger LOG = System.getLogger(SharedShortTermMemory.class.getName());
    /** The default prefix of the conversations' lists. */
    public static final String PREFIX = "vtuber:dialog:recent:";
    // push, trim and refresh in one round trip, so no reader ever sees the list longer than the window
    private static final String SHARE = """
            redis.call('LPUSH', KEYS[1], unpack(ARGV, 3))
            redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1)
            return redis.call('EXPIRE', KEYS[1], ARGV[2])
            """;

    private final ShortTermMemory local;
    private final RedisLink redis;
    private final String prefix;
    private final int window;
    private final Duration ttl;

    /**
     * Wraps a replica's own store.
     *
     * @param local the replica's SQLite memory (owned from now on)
     * @param redis the shared Redis
     * @param prefix the prefix of the conversations' list keys
     * @param window messages kept per conversation (the prompt's context size)
     * @param ttl how long an idle conversation's list lives
     */
    public SharedShortTermMemory(ShortTermMemory local, RedisLink redis, String prefix, int window, Duration ttl) {
        this.local = local;
        this.redis = redis;
        this.prefix = prefix;
        this.window = window;
        this.ttl = ttl;
    }

    @Override
    public List<MemoryTurn> recent(ConversationKey key) {
        if (window == 0) {
            return List.of();
        }
        try {
            List<String> newestFirst = redis.commands().lrange(key(key), 0, window - 1);
            if (!newestFirst.isEmpty()) {
                List<MemoryTurn> turns = new ArrayList<>(newestFirst.size());
                for (String item : newestFirst.reversed()) {
                    JsonNode json = Json.parse(item);
                    turns.add(new MemoryTurn(json.path("role").asText(), json.path("text").asText()));
                }
                return turns;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "shared short-term memory unavailable, reading this replica's: " + e.getMessage());
        }
        return local.recent(key);
    }

    @Override
    public int remember(ConversationKey key, String taskId, String userText, String reply, TurnEvents events) {
        int turn = local.remember(key, taskId, userText, reply, events);
        if (turn > 0 && window > 0) {
            share(key, userText, reply);
        }
        return turn;
    }

    private void share(ConversationKey key, String userText, String reply) {
        List<String> messages = new ArrayList<>(2);
        add(messages, "user", userText);
        add(messages, "assistant", reply);
        if (messages.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(messages.size() + 2);
        args.add(String.valueOf(window));
        args.add(String.valueOf(ttl.toSeconds()));
        args.addAll(messages);
        try {
            redis.commands().eval(SHARE, ScriptOutputType.INTEGER, new String[] {key(key)},
                    args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // this replica's file has the turn; other replicas miss it until the list is rebuilt by new turns
            LOG.log(Level.WARNING, "turn not shared with other replicas: " + e.getMessage());
        }
    }

    private static void add(List<String> messages, String role, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.isEmpty()) {
            messages.add(Json.write(Json.object().put("role", role).put("text", trimmed)));
        }
    }

    private String key(ConversationKey key) {
        // the user id is part of the key: a conversation id never reaches another user's memory
        return prefix + key.userId().length() + ":" + key.userId() + ":" + key.conversationId();
    }

    @Override
    public boolean ping() {
        return local.ping();
    }

    @Override
    public void close() {
        local.close();
    }
}
