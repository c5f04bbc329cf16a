package dev.freeagent.vtuber.workers.stream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import io.helidon.config.Config;

/**
 * How one consumer reads its stream. Read from {@code workers.<name>.*} (stream keys) and {@code workers.*}
 * (Redis retry and shutdown keys).
 *
 * @param name a short label for logs and health, e.g. {@code ltm}
 * @param stream {@code stream}: the stream key
 * @param group {@code group}: the consumer group, shared by every worker instance
 * @param consumer {@code consumer}: this instance's name in the group; empty in the config means
 *                 {@code <hostname>-<pid>}
 * @param batchSize {@code batch-size}: most entries per read or reclaim (COUNT)
 * @param block {@code block-ms}: longest wait of one blocking read, capped below the Redis command timeout
 * @param minIdle {@code min-idle-ms}: how long an entry stays pending before another consumer may reclaim it
 * @param claimInterval {@code claim-interval-ms}: how often pending entries are looked for
 * @param maxDeliveries {@code max-deliveries}: deliveries after which a failing entry is dead-lettered
 * @param deadLetterMaxLen {@code dead-letter-maxlen}: approximate cap of the dead-letter stream
 * @param retryInitial {@code workers.redis-retry-initial-ms}: first wait after Redis failed
 * @param retryMax {@code workers.redis-retry-max-ms}: longest wait between two attempts to reach Redis
 * @param shutdownTimeout {@code workers.shutdown-timeout-ms}: how long closing waits for the entry in hand
 */
public record ConsumerSettings(String name, String stream, String group, String consumer, int batchSize,
                               Duration block, Duration minIdle, Duration claimInterval, int maxDeliveries,
                               long deadLetterMaxLen, Duration retryInitial, Duration retryMax,
                               Duration shutdownTimeout) {
    private static final System.Logger LOG = System.getLogger(ConsumerSettings.class.getName());
    // lettuce applies the command timeout to a blocking read too: leave the reply this much time to arrive
    private static final Duration BLOCK_HEADROOM = Duration.ofMillis(500);
    private static final Duration SHORTEST_BLOCK = Duration.ofMillis(50);

    /**
     * Validates; every message names the key.
     */
    public ConsumerSettings {
        String key = "workers." + name + ".";
        nonBlank(key + "stream", stream);
        nonBlank(key + "group", group);
        nonBlank(key + "consumer", consumer);
        atLeast(key + "batch-size", batchSize, 1);
        atLeast(key + "max-deliveries", maxDeliveries, 1);
        atLeast(key + "dead-letter-maxlen", deadLetterMaxLen, 1);
        positive(key + "block-ms", block);
        positive(key + "min-idle-ms", minIdle);
        positive(key + "claim-interval-ms", claimInterval);
        positive("workers.redis-retry-initial-ms", retryInitial);
        positive("workers.shutdown-timeout-ms", shutdownTimeout);
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("workers.redis-retry-max-ms must not be below workers.redis-retry-initial-ms");
        }
    }

    /**
     * Reads one consumer's settings.
     *
     * @param name the consumer's node name under {@code workers}, e.g. {@code ltm}
     * @param workers the {@code workers} node
     * @param commandTimeout the Redis command timeout, which bounds a blocking read
     * @return the settings
     */
    public static ConsumerSettings from(String name, Config workers, Duration commandTimeout) {
        Config own = workers.get(name);
        String consumer = own.get("consumer").asString().orElse("").trim();
        return new ConsumerSettings(name,
                own.get("stream").asString().orElse("events." + name),
                own.get("group").asString().orElse(name + "-workers"),
                consumer.isEmpty() ? defaultConsumer() : consumer,
                own.get("batch-size").asInt().orElse(10),
                cappedBlock(name, Duration.ofMillis(own.get("block-ms").asLong().orElse(2000L)), commandTimeout),
                Duration.ofMillis(own.get("min-idle-ms").asLong().orElse(30_000L)),
                Duration.ofMillis(own.get("claim-interval-ms").asLong().orElse(5000L)),
                own.get("max-deliveries").asInt().orElse(5),
                own.get("dead-letter-maxlen").asLong().orElse(10_000L),
                Duration.ofMillis(workers.get("redis-retry-initial-ms").asLong().orElse(100L)),
                Duration.ofMillis(workers.get("redis-retry-max-ms").asLong().orElse(5000L)),
                Duration.ofMillis(workers.get("shutdown-timeout-ms").asLong().orElse(5000L)));
    }

    /**
     * The stream that takes the entries this consumer gives up on.
     *
     * @return {@code <stream>.dead}
     */
    public String deadLetterStream() {
        return stream + ".dead";
    }

    /**
     * This instance's default name in a group: unique per process, and per pod on Kubernetes.
     *
     * @return {@code <hostname>-<pid>}
     */
    public static String defaultConsumer() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "worker";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static Duration cappedBlock(String name, Duration block, Duration commandTimeout) {
        Duration cap = commandTimeout.minus(BLOCK_HEADROOM);
        if (cap.compareTo(SHORTEST_BLOCK) < 0) {
            cap = SHORTEST_BLOCK;
        }
        if (block.compareTo(cap) <= 0) {
            return block;
        }
        LOG.log(System.Logger.Level.INFO, "workers." + name + ".block-ms " + block.toMillis() + " is capped at "
                + cap.toMillis() + " ms, " + BLOCK_HEADROOM.toMillis() + " ms below redis.command-timeout-ms");
        return cap;
    }

    private static void nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }

    private static void atLeast(String key, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value.toMillis());
        }
    }
}
