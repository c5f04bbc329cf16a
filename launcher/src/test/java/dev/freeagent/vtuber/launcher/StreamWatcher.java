package dev.freeagent.vtuber.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.redis.RedisLink;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The consumers' side of the outbox streams, for measuring the relay: a virtual thread reads the streams from their
 * start with {@code XREAD BLOCK} on a connection of its own and notes, on this process's clock, when each event
 * ({@code type} + {@code correlationId}) became visible. Thread-safe; close it.
 */
final class StreamWatcher implements AutoCloseable {
    private static final Duration BLOCK = Duration.ofMillis(200);
    private static final long COUNT = 1000;

    private final StatefulRedisConnection<String, String> connection;
    private final Map<String, String> lastIds = new HashMap<>();
    private final Map<String, Long> arrivals = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread thread;
    private volatile boolean closed;
    private long lastArrival;

    private StreamWatcher(RedisLink redis, List<String> streams) {
        this.connection = redis.dedicatedConnection();
        streams.forEach(stream -> lastIds.put(stream, "0-0"));
        this.thread = Thread.ofVirtual().name("stream-watcher").unstarted(this::run);
    }

    /**
     * Starts watching.
     *
     * @param redis where the streams are
     * @param streams the stream keys
     * @return the running watcher
     */
    static StreamWatcher start(RedisLink redis, List<String> streams) {
        StreamWatcher watcher = new StreamWatcher(redis, streams);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        while (!closed) {
            @SuppressWarnings("unchecked")
            XReadArgs.StreamOffset<String>[] offsets = lastIds.entrySet().stream()
                    .map(e -> XReadArgs.StreamOffset.from(e.getKey(), e.getValue()))
                    .toArray(XReadArgs.StreamOffset[]::new);
            List<StreamMessage<String, String>> messages = connection.sync()
                    .xread(XReadArgs.Builder.block(BLOCK).count(COUNT), offsets);
            long now = System.nanoTime();
            if (messages.isEmpty()) {
                continue;
            }
            lock.lock();
            try {
                for (StreamMessage<String, String> message : messages) {
                    lastIds.put(message.getStream(), message.getId());
                    String correlation = Json.parse(message.getBody().get("payload")).path("correlationId").asText();
                    arrivals.put(key(message.getBody().get("type"), correlation), now);
                }
                lastArrival = now;
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The key of an event.
     *
     * @param type e.g. {@code LtmWriteRequested}
     * @param correlationId {@code <conversation>#<turn>}
     * @return the key
     */
    static String key(String type, String correlationId) {
        return type + " " + correlationId;
    }

    /**
     * Waits until this many events were seen.
     *
     * @param count how many in all
     * @param limit the longest wait
     * @return when the last of them was seen ({@link System#nanoTime()})
     * @throws IllegalStateException when they were not seen in time
     */
    long awaitCount(int count, Duration limit) throws InterruptedException {
        long left = limit.toNanos();
        lock.lock();
        try {
            while (arrivals.size() < count) {
                if (left <= 0) {
                    throw new IllegalStateException("only " + arrivals.size() + " of " + count + " events reached "
                            + "Redis within " + limit.toSeconds() + " s");
                }
                left = arrived.awaitNanos(left);
            }
            return lastArrival;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When an event was seen.
     *
     * @param key see {@link #key}
     * @return its {@link System#nanoTime()}, empty if not seen
     */
    Optional<Long> arrival(String key) {
        lock.lock();
        try {
            return Optional.ofNullable(arrivals.get(key));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(BLOCK.multipliedBy(5));
        connection.close();
    }
}
