package dev.freeagent.vtuber.input.turn;

import java.lang.System.Logger.Level;
import java.time.Duration;

import dev.freeagent.vtuber.common.redis.RedisLink;

/**
 * Delivers a task's result: first {@code SET task_result:{id} <json> EX ttl} (so an output socket that
 * subscribes late still finds it), then {@code PUBLISH task_response:{id} <json>}. While Redis is down it
 * retries with back-off (100 ms doubling to 2 s) for up to the TTL; only then is the result given up, with
 * an error in the log.
 *
 * <p>Thread-safe; blocks the calling (virtual) thread while it waits for Redis.
 */
public final class ResultPublisher {
    private static final System.Logger LOG = System.getLogger(ResultPublisher.class.getName());
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2000;

    private final RedisLink redis;
    private final Duration ttl;

    /**
     * Creates the publisher.
     *
     * @param redis the service's Redis link (not closed here)
     * @param ttl lifetime of the durable copy, and the longest wait for Redis
     */
    public ResultPublisher(RedisLink redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    /**
     * The durable copy's key.
     *
     * @param taskId task id
     * @return {@code task_result:{taskId}}
     */
    public static String resultKey(String taskId) {
        return "task_result:" + taskId;
    }

    /**
     * The Pub/Sub channel.
     *
     * @param taskId task id
     * @return {@code task_response:{taskId}}
     */
    public static String channel(String taskId) {
        return "task_response:" + taskId;
    }

    /**
     * Stores and publishes a result, waiting for Redis when it is down.
     *
     * @param taskId task id
     * @param json the result JSON
     * @return true when delivered, false when given up (deadline or interrupt)
     */
    public boolean publish(String taskId, String json) {
        long deadline = System.nanoTime() + ttl.toNanos();
        long backoffMs = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                var commands = redis.commands();
                commands.setex(resultKey(taskId), ttl.toSeconds(), json);
                commands.publish(channel(taskId), json);
                if (attempt > 1) {
                    LOG.log(Level.INFO, "Result delivered after " + attempt + " attempts");
                }
                return true;
            } catch (RuntimeException e) {
                if (attempt == 1) {
                    LOG.log(Level.WARNING, "Redis refused the result (" + e.getMessage() + "); retrying for up to "
                            + ttl.toSeconds() + " s");
                }
                if (System.nanoTime() + backoffMs * 1_000_000 > deadline || !pause(backoffMs)) {
                    LOG.log(Level.ERROR, "Result of task " + taskId + " lost: Redis stayed unreachable", e);
                    return false;
                }
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
