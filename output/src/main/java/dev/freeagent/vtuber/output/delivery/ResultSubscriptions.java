package dev.freeagent.vtuber.output.delivery;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.freeagent.vtuber.common.redis.RedisLink;
import dev.freeagent.vtuber.common.redis.RedisUnavailableException;

import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The {@code task_response:{task_id}} channels the waiting sockets listen to, all on the link's one
 * shared Pub/Sub connection. A channel is subscribed while at least one wait needs it. SUBSCRIBE and
 * UNSUBSCRIBE are issued inside the map's per-key update, so for one channel they reach Redis in the
 * order the map changed (a leaving socket cannot unsubscribe a newcomer).
 */
final class ResultSubscriptions {
    static final String CHANNEL_PREFIX = "task_response:";

    private static final System.Logger LOG = System.getLogger(ResultSubscriptions.class.getName());

    private final RedisLink redis;
    private final Duration confirmTimeout;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();

    ResultSubscriptions(RedisLink redis) {
        this.redis = redis;
        this.confirmTimeout = redis.settings().commandTimeout();
    }

    /**
     * Adds a wait to its channel and returns once Redis confirmed the subscription.
     *
     * @param wait the wait
     * @throws RedisUnavailableException when Redis cannot be reached or does not confirm in time
     */
    void add(TaskWait wait) {
        StatefulRedisPubSubConnection<String, String> connection = redis.pubSub();
        Channel channel;
        try {
            channel = channels.compute(wait.channel(), (name, current) -> {
                Channel joined = current != null ? current
                        : new Channel(ConcurrentHashMap.newKeySet(),
                                      connection.async().subscribe(name).toCompletableFuture());
                joined.waits().add(wait);
                return joined;
            });
        } catch (RuntimeException e) {
            throw new RedisUnavailableException(redis.settings().address(), e);
        }
        try {
            channel.subscribed().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            remove(wait);
            throw new RedisUnavailableException(redis.settings().address(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            remove(wait);
            throw new RedisUnavailableException(redis.settings().address(), e);
        }
    }

    /**
     * Removes a wait; unsubscribes the channel when it was the last. Idempotent.
     *
     * @param wait the wait
     */
    void remove(TaskWait wait) {
        channels.computeIfPresent(wait.channel(), (name, channel) -> {
            channel.waits().remove(wait);
            if (!channel.waits().isEmpty()) {
                return channel;
            }
            unsubscribe(name);
            return null;
        });
    }

    /**
     * The waits of a channel; cheap and non-blocking, safe on a Netty thread.
     *
     * @param channel channel name
     * @return the waits, possibly empty
     */
    Set<TaskWait> waits(String channel) {
        Channel found = channels.get(channel);
        return found == null ? Set.of() : found.waits();
    }

    private void unsubscribe(String name) {
        try {
            redis.pubSub().async().unsubscribe(name);
        } catch (RuntimeException e) {
            // Redis is down: the server dropped the subscription with the connection
            LOG.log(Level.DEBUG, "cannot unsubscribe " + name + ": " + e.getMessage());
        }
    }

    private record Channel(Set<TaskWait> waits, CompletableFuture<Void> subscribed) {
    }
}
