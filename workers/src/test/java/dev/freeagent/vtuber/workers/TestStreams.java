package dev.freeagent.vtuber.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.testing.TestRedis;
import dev.freeagent.vtuber.workers.stream.ConsumerSettings;

import io.lettuce.core.Consumer;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;

/**
 * One test's corner of the machine's Redis: a link, key names under a prefix of its own, and the deletion of
 * every key under that prefix when closed.
 */
final class TestStreams implements AutoCloseable {
    private final RedisLink redis = RedisLink.open(TestRedis.machine());
    private final String prefix = "test:workers:" + UUID.randomUUID() + ":";

    RedisLink redis() {
        return redis;
    }

    /**
     * A key of this test's own.
     *
     * @param name the name
     * @return {@code <prefix><name>}
     */
    String key(String name) {
        return prefix + name;
    }

    /**
     * Settings with short times, so reclaim and dead-lettering happen within a test.
     *
     * @param stream the stream
     * @param group the group
     * @param consumer the consumer name
     * @return settings: batch 10, block 200 ms, min idle 150 ms, claim every 50 ms, 3 deliveries at most
     */
    ConsumerSettings settings(String stream, String group, String consumer) {
        return new ConsumerSettings("test", stream, group, consumer, 10, Duration.ofMillis(200),
                Duration.ofMillis(150), Duration.ofMillis(50), 3, 1000, Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    String add(String stream, Map<String, String> fields) {
        return redis.commands().xadd(stream, fields);
    }

    List<StreamMessage<String, String>> all(String stream) {
        return redis.commands().xrange(stream, Range.create("-", "+"));
    }

    long pending(String stream, String group) {
        return redis.commands().xpending(stream, group).getCount();
    }

    /**
     * Creates the group from the start of the stream, as a worker would.
     */
    void createGroup(String stream, String group) {
        redis.commands().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
    }

    /**
     * Reads entries into a consumer's pending list without acknowledging them: what a consumer that dies in the
     * middle of its work leaves behind.
     */
    List<StreamMessage<String, String>> readAndDie(String stream, String group, String consumer) {
        return redis.commands().xreadgroup(Consumer.from(group, consumer),
                XReadArgs.StreamOffset.lastConsumed(stream));
    }

    /**
     * Waits, bounded, for a condition nothing signals (a state seen only by asking).
     */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Override
    public void close() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.commands().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        if (!keys.isEmpty()) {
            redis.commands().del(keys.toArray(String[]::new));
        }
        redis.close();
    }
}
