package dev.freeagent.vtuber.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import dev.freeagent.vtuber.common.config.ServiceConfig;
import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.dialog.memory.MemorySettings;
import dev.freeagent.vtuber.dialog.memory.SqliteShortTermMemory;
import dev.freeagent.vtuber.dialog.outbox.OutboxRelay;
import dev.freeagent.vtuber.dialog.outbox.OutboxSettings;
import dev.freeagent.vtuber.dialog.turn.OutboxEnvelopes;
import dev.freeagent.vtuber.dialog.turn.TurnRequest;
import dev.freeagent.vtuber.dialog.turn.TurnStats;

import io.helidon.config.Config;

/**
 * The dialog's outbox relay alone, with its production settings ({@code dialog.yaml}) but streams of its own on the
 * machine's Redis (deleted afterwards): turns are stored through {@link SqliteShortTermMemory} exactly as dialog
 * stores them (two events each: {@code LtmWriteRequested} and {@code AnalyticsChatStats}), {@link OutboxRelay} moves
 * them, and a {@link StreamWatcher} notes when each one is visible in Redis. Prints the drain rate of a pre-filled
 * outbox and, at a steady rate, the lag from commit to visible: once as dialog runs today (the relay finds new rows
 * at its next pause end), once with the relay woken after each commit.
 */
final class OutboxRelayRun {
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    private static final String REPLY = "That sounds lovely, tell me more about it!";
    /** Turns go round this many conversations, each of its own user (event ids name the conversation, not the user). */
    private static final int CONVERSATIONS = 50;

    private final SqliteShortTermMemory memory;
    private final RedisLink redis;
    private final MemorySettings memorySettings;
    private final OutboxSettings outboxSettings;

    private OutboxRelayRun(SqliteShortTermMemory memory, RedisLink redis, MemorySettings memorySettings,
                           OutboxSettings outboxSettings) {
        this.memory = memory;
        this.redis = redis;
        this.memorySettings = memorySettings;
        this.outboxSettings = outboxSettings;
    }

    /**
     * Runs the three measurements and prints them.
     *
     * @param dataDir where the SQLite file goes
     * @param events events pre-filled before the relay starts
     * @param rate events per second in the steady runs
     * @param seconds length of each steady run
     */
    static void run(Path dataDir, int events, int rate, int seconds) throws Exception {
        String prefix = "bench:outbox:" + dataDir.getFileName() + ":";
        Config config = ServiceConfig.load(Map.of("data.dir", dataDir.toString(),
                "dialog.outbox.ltm-stream", prefix + "events.ltm",
                "dialog.outbox.analytics-stream", prefix + "events.analytics"), "dialog.yaml");
        MemorySettings memorySettings = MemorySettings.from(config);
        OutboxSettings outbox = OutboxSettings.from(config.get("dialog.outbox"));
        try (RedisLink redis = RedisLink.open(TestRedis.machine())) {
            try (SqliteShortTermMemory memory = SqliteShortTermMemory.open(memorySettings)) {
                new OutboxRelayRun(memory, redis, memorySettings, outbox).measure(events, rate, seconds);
            } finally {
                redis.commands().del(outbox.ltmStream(), outbox.analyticsStream());
            }
        }
    }

    private void measure(int events, int rate, int seconds) throws Exception {
        int turns = events / 2;
        long fillStart = System.nanoTime();
        for (int i = 0; i < turns; i++) {
            commit("fill", i);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf("OUTBOX RELAY (flush-interval %d ms, batch %d; streams on the machine's Redis)%n",
                outboxSettings.flushInterval().toMillis(), outboxSettings.batchSize());
        System.out.printf("  pre-filled %d events (%d turns) in %.1f s: %.0f turns/s committed%n", turns * 2, turns,
                fillSeconds, turns / fillSeconds);
        try (StreamWatcher watcher = StreamWatcher.start(redis,
                List.of(outboxSettings.ltmStream(), outboxSettings.analyticsStream()))) {
            long start = System.nanoTime();
            try (OutboxRelay relay = OutboxRelay.start(memorySettings.dbPath(), redis, outboxSettings)) {
                long last = watcher.awaitCount(turns * 2, DRAIN_LIMIT);
                double drained = (last - start) / 1e9;
                System.out.printf("  drain: %d events visible in Redis after %.2f s: %.0f events/s   target >= 5000: "
                        + "%s%n", turns * 2, drained, turns * 2 / drained, turns * 2 / drained >= 5000 ? "met" : "MISSED");
                int seen = turns * 2;
                seen = steady(watcher, relay, false, rate, seconds, seen);
                steady(watcher, relay, true, rate, seconds, seen);
            }
        }
    }

    /** Commits turns at a steady rate and prints the lag of their events; returns the events seen so far. */
    private int steady(StreamWatcher watcher, OutboxRelay relay, boolean wake, int rate, int seconds, int seen)
            throws Exception {
        int turns = rate * seconds / 2;
        long period = 2_000_000_000L / rate;
        String phase = wake ? "woken" : "paced";
        List<long[]> commits = new ArrayList<>(turns);
        long start = System.nanoTime();
        for (int i = 0; i < turns; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // pacing the load generator, not waiting for the system
                Thread.sleep(Duration.ofNanos(wait));
            }
            int turn = commit(phase, i);
            commits.add(new long[] {i, turn, System.nanoTime()});
            if (wake) {
                relay.wake();
            }
        }
        watcher.awaitCount(seen + turns * 2, DRAIN_LIMIT);
        List<Double> lags = new ArrayList<>(turns * 2);
        for (long[] commit : commits) {
            String correlation = conversation(phase, (int) commit[0]) + "#" + commit[1];
            for (String type : List.of("LtmWriteRequested", "AnalyticsChatStats")) {
                long visible = watcher.arrival(StreamWatcher.key(type, correlation)).orElseThrow(() ->
                        new IllegalStateException("event " + type + " " + correlation + " never reached Redis"));
                lags.add((visible - commit[2]) / 1e6);
            }
        }
        System.out.printf("  lag at %d events/s, %s: %s%n", rate, wake
                ? "relay woken after each commit (not wired in dialog)" : "as dialog runs today (no wake-up)",
                Latencies.of(lags).summary());
        return seen + turns * 2;
    }

    /** Stores one turn and its events in one transaction, as dialog does; returns its number in the conversation. */
    private int commit(String phase, int i) {
        String conversation = conversation(phase, i);
        TurnRequest request = new TurnRequest("task-" + phase + "-" + i, conversation, "bench-user-" + (i % CONVERSATIONS), 0,
                "I went hiking near the lake on day " + i + " and saw a heron.", Map.of("lang", "en"));
        TurnStats stats = new TurnStats(OptionalDouble.of(50.0), 12, 150.0, "llm");
        return memory.remember(request.conversation(), request.taskId(), request.text(), REPLY,
                OutboxEnvelopes.ENABLED.of(request, REPLY, stats));
    }

    private static String conversation(String phase, int i) {
        return "bench-" + phase + "-" + i % CONVERSATIONS;
    }
}
