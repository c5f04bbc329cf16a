package dev.freeagent.vtuber.workers.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;

/**
 * One consumer's group commands on a Redis connection of its own (its blocking read must not hold up anyone
 * else's commands). Used by the consumer's thread only; closing it from another thread ends a blocked read.
 */
final class GroupConnection implements AutoCloseable {
    // the copy to the dead-letter stream and the acknowledgement happen together or not at all
    private static final String DEAD_LETTER = """
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
            return redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
            """;
    /** The id before every entry: a group created there sees the whole stream; a reclaim scan starts there. */
    static final String FIRST_ID = "0-0";

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final ConsumerSettings settings;
    private final Consumer<String> self;

    private GroupConnection(StatefulRedisConnection<String, String> connection, ConsumerSettings settings) {
        this.connection = connection;
        this.redis = connection.sync();
        this.settings = settings;
        this.self = Consumer.from(settings.group(), settings.consumer());
    }

    /**
     * Connects and makes sure the group exists.
     *
     * @param link the service's Redis link
     * @param settings the consumer's settings
     * @return the connection
     */
    static GroupConnection open(RedisLink link, ConsumerSettings settings) {
        GroupConnection group = new GroupConnection(link.dedicatedConnection(), settings);
        try {
            group.createGroup();
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /**
     * Entries never delivered to the group yet, waiting up to the block time for some to arrive.
     *
     * @return the entries, possibly none
     */
    List<StreamEntry> readNew() {
        List<StreamMessage<String, String>> messages = redis.xreadgroup(self,
                XReadArgs.Builder.count(settings.batchSize()).block(settings.block()),
                XReadArgs.StreamOffset.lastConsumed(settings.stream()));
        List<StreamEntry> entries = new ArrayList<>(messages.size());
        messages.forEach(message -> entries.add(new StreamEntry(message.getId(), body(message), 1)));
        return entries;
    }

    /**
     * Takes over entries pending longer than the minimum idle time, whoever held them.
     *
     * @param cursor where to continue, {@link #FIRST_ID} at first
     * @return the entries now held by this consumer, with their delivery counts, and the next cursor
     *         ({@link #FIRST_ID} when the whole pending list was scanned)
     */
    Claim claim(String cursor) {
        ClaimedMessages<String, String> claimed = redis.xautoclaim(settings.stream(),
                XAutoClaimArgs.Builder.xautoclaim(self, settings.minIdle(), cursor).count(settings.batchSize()));
        List<StreamEntry> entries = new ArrayList<>();
        for (StreamMessage<String, String> message : claimed.getMessages()) {
            entries.add(new StreamEntry(message.getId(), body(message), deliveries(message.getId())));
        }
        return new Claim(entries, claimed.getId());
    }

    void acknowledge(String id) {
        redis.xack(settings.stream(), settings.group(), id);
    }

    /**
     * Copies the entry to the dead-letter stream with the reason, and acknowledges it, atomically.
     *
     * @param entry the entry
     * @param error why it is given up, in words
     */
    void deadLetter(StreamEntry entry, String error) {
        List<String> args = new ArrayList<>(List.of(settings.group(), entry.id(),
                Long.toString(settings.deadLetterMaxLen())));
        entry.fields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        args.addAll(List.of("error", error, "original_id", entry.id(), "deliveries", Long.toString(entry.deliveries()),
                "group", settings.group()));
        redis.eval(DEAD_LETTER, ScriptOutputType.INTEGER,
                new String[] {settings.deadLetterStream(), settings.stream()}, args.toArray(String[]::new));
    }

    private void createGroup() {
        try {
            // from the first entry, so nothing written before the group existed is skipped
            redis.xgroupCreate(XReadArgs.StreamOffset.from(settings.stream(), FIRST_ID), settings.group(),
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private long deliveries(String id) {
        List<PendingMessage> pending = redis.xpending(settings.stream(), self, Range.create(id, id), Limit.from(1));
        return pending.isEmpty() ? 1 : pending.getFirst().getRedeliveryCount();
    }

    private static Map<String, String> body(StreamMessage<String, String> message) {
        // an entry trimmed from the stream while pending comes back without a body
        return message.getBody() == null ? Map.of() : message.getBody();
    }

    @Override
    public void close() {
        // both the loop and close() from another thread may get here
        if (connection.isOpen()) {
            connection.close();
        }
    }

    /**
     * The result of one reclaim step.
     *
     * @param entries the entries taken over
     * @param next the cursor for the next step
     */
    record Claim(List<StreamEntry> entries, String next) {
    }
}
