package dev.freeagent.vtuber.common.session;

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

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;

/**
 * The session-ready channels that {@link SessionDirectory#await} callers wait on, on the link's shared Pub/Sub
 * connection. A channel is subscribed while at least one caller waits on it; SUBSCRIBE and UNSUBSCRIBE are issued
 * inside the map's per-key update, so for one channel they reach Redis in the order the map changed.
 */
final class ReadySubscriptions {
    private static final System.Logger LOG = System.getLogger(ReadySubscriptions.class.getName());

    private final RedisLink redis;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();

    ReadySubscriptions(RedisLink redis) {
        this.redis = redis;
    }

    /**
     * Adds a waiter and returns once Redis confirmed the subscription.
     *
     * @param name channel
     * @param waiter completed with the published address
     * @param timeout the caller's whole wait; the confirmation takes at most this or the command timeout
     * @throws RedisUnavailableException when Redis cannot be reached or does not confirm in time
     */
    void add(String name, CompletableFuture<String> waiter, Duration timeout) {
        Channel channel;
        try {
            channel = channels.compute(name, (key, current) -> {
                Channel joined = current != null ? current
                        : new Channel(ConcurrentHashMap.newKeySet(),
                                      redis.pubSub().async().subscribe(key).toCompletableFuture());
                joined.waiters().add(waiter);
                return joined;
            });
        } catch (RuntimeException e) {
            throw new RedisUnavailableException(redis.settings().address(), e);
        }
        long bound = Math.min(timeout.toMillis(), redis.settings().commandTimeout().toMillis());
        try {
            channel.subscribed().get(bound, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedisUnavailableException(redis.settings().address(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException(redis.settings().address(), e);
        }
    }

    /**
     * Removes a waiter; unsubscribes the channel when it was the last. Idempotent.
     *
     * @param name channel
     * @param waiter the waiter
     */
    void remove(String name, CompletableFuture<String> waiter) {
        channels.computeIfPresent(name, (key, channel) -> {
            channel.waiters().remove(waiter);
            if (!channel.waiters().isEmpty()) {
                return channel;
            }
            try {
                redis.pubSub().async().unsubscribe(key);
            } catch (RuntimeException e) {
                // Redis is down: the server dropped the subscription with the connection
                LOG.log(Level.DEBUG, "cannot unsubscribe " + key + ": " + e.getMessage());
            }
            return null;
        });
    }

    /**
     * The listener that completes the waiters of a channel. It runs on a Netty thread and only completes
     * futures (the waiting threads are parked virtual threads).
     *
     * @return the listener
     */
    RedisPubSubListener<String, String> listener() {
        return new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (!channel.startsWith(SessionDirectory.READY_PREFIX)) {
                    return;
                }
                Channel found = channels.get(channel);
                if (found != null) {
                    found.waiters().forEach(waiter -> waiter.complete(message));
                }
            }
        };
    }

    private record Channel(Set<CompletableFuture<String>> waiters, CompletableFuture<Void> subscribed) {
    }
}
