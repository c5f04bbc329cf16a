package dev.freeagent.vtuber.dialog.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.EmbeddedRedis;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.dialog.memory.MemorySettings;
import dev.freeagent.vtuber.dialog.memory.SqliteShortTermMemory;
import dev.freeagent.vtuber.dialog.turn.OutboxEnvelopes;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.dialog.turn.TurnStats;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The relay against a real Redis: events of stored turns reach their streams with the contract's fields and real
 * turn numbers, wait while Redis is down and arrive when it comes back, and delivered rows are purged.
 */
class OutboxRelayIT {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private final String prefix = "test:outbox:" + UUID.randomUUID() + ":";
    private SqliteShortTermMemory memory;
    private RedisLink machine;

    @BeforeEach
    void open() {
        memory = SqliteShortTermMemory.open(new MemorySettings(true, dir.resolve("dialog.sqlite"), 4, 8));
        machine = RedisLink.open(TestRedis.machine());
    }

    @AfterEach
    void close() {
        machine.commands().del(prefix + "ltm", prefix + "analytics");
        machine.close();
        memory.close();
    }

    @Test
    void eventsReachTheirStreamsWithTheContractsEnvelopes() {
        storeTurn("conv-1", "I like tea", "Noted!");
        storeTurn("conv-1", "and cake", "Yum!");
        try (OutboxRelay relay = OutboxRelay.start(dir.resolve("dialog.sqlite"), machine, settings(Duration.ofDays(1)))) {
            relay.wake();
            await(() -> relay.relayed() == 4);
            assertThat(relay.pending(), is(0L));
        }
        List<StreamMessage<String, String>> ltm = machine.commands().xrange(prefix + "ltm", Range.create("-", "+"));
        assertThat(ltm.size(), is(2));
        assertThat(ltm.getFirst().getBody().get("type"), is("LtmWriteRequested"));
        JsonNode first = Json.parse(ltm.getFirst().getBody().get("payload"));
        assertThat(first.path("correlationId").asText(), is("conv-1#1"));
        assertThat(first.path("sessionId").asText(), is("conv-1"));
        assertThat(first.path("turn").asInt(), is(1));
        assertThat(first.path("userId").asText(), is("alice"));
        assertThat(first.path("payload").path("text").asText(), is("I like tea"));
        assertThat(first.path("payload").path("reply").asText(), is("Noted!"));
        assertThat(first.path("payload").path("vectorize").asBoolean(), is(true));
        assertThat(Json.parse(ltm.get(1).getBody().get("payload")).path("correlationId").asText(), is("conv-1#2"));

        List<StreamMessage<String, String>> analytics =
                machine.commands().xrange(prefix + "analytics", Range.create("-", "+"));
        assertThat(analytics.size(), is(2));
        JsonNode stats = Json.parse(analytics.getFirst().getBody().get("payload"));
        assertThat(analytics.getFirst().getBody().get("type"), is("AnalyticsChatStats"));
        assertThat(stats.path("ttft_ms").asDouble(), is(12.5));
        assertThat(stats.path("tokens").asInt(), is(3));
    }

    @Test
    void rowsWaitWhileRedisIsDownAndArriveWhenItReturns() {
        int port = EmbeddedRedis.freePort();
        try (RedisLink absent = RedisLink.open(TestRedis.machine().at("127.0.0.1", port));
             OutboxRelay relay = OutboxRelay.start(dir.resolve("dialog.sqlite"), absent, settings(Duration.ofDays(1)))) {
            storeTurn("conv-2", "hello", "hi");
            relay.wake();
            assertThat(relay.pending(), is(2L));
            try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
                await(() -> relay.relayed() == 2);
                assertThat(relay.pending(), is(0L));
                try (RedisLink returned = RedisLink.open(TestRedis.machine().at("127.0.0.1", port))) {
                    assertThat(returned.commands().xlen(prefix + "ltm"), is(1L));
                }
            }
        }
    }

    @Test
    void deliveredRowsArePurgedAfterTheRetention() throws Exception {
        storeTurn("conv-3", "one", "two");
        try (OutboxRelay relay = OutboxRelay.start(dir.resolve("dialog.sqlite"), machine, settings(Duration.ZERO))) {
            relay.wake();
            await(() -> relay.relayed() == 2);
            // the next round purges what is older than "now"; wake it until the table is empty
            await(() -> {
                relay.wake();
                return rows() == 0;
            });
        }
        assertThat(machine.commands().xlen(prefix + "analytics"), is(1L));
    }

    private void storeTurn(String conversation, String text, String reply) {
        TurnRequest request = new TurnRequest("task-" + UUID.randomUUID(), conversation, "alice", 0, text,
                Map.of("lang", "en"));
        TurnStats stats = new TurnStats(java.util.OptionalDouble.of(12.5), 3, 40, "llm");
        memory.remember(request.conversation(), request.taskId(), text, reply,
                OutboxEnvelopes.ENABLED.of(request, reply, stats));
    }

    private OutboxSettings settings(Duration retention) {
        return new OutboxSettings(true, Duration.ofMillis(50), 1000, 200, retention, Duration.ofMillis(200),
                prefix + "ltm", prefix + "analytics");
    }

    private long rows() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dialog.sqlite"));
             var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM outbox_events")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Waits for a condition the relay's thread makes true, checking every few milliseconds. */
    private static void await(ThrowingCondition condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not met within " + PATIENCE);
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
